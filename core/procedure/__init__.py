"""The procedures (一般程序、简易程序): states, actions as data, their effects on the case file."""
