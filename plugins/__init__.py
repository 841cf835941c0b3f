"""Built-in field plugins (城市管理, 市场监管, 生态环境, 农业农村, 文化旅游)."""
