"""The core's Word templates (执法文书) and their declarations; built by zhifa.core.documents.build_templates."""
