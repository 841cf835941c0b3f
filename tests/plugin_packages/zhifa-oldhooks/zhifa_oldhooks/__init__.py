"""A plugin written for a hook interface this zhifa does not support."""

ZHIFA_HOOK_INTERFACE = 99
