"""双随机、一公开: random selection of inspection targets and inspectors (pure rules, no I/O)."""
