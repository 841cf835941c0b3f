"""乡呼县应 referrals as a feature: the step table (``steps``); the service is ``zhifa.core.services.referrals``."""
