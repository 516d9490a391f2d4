{"key_id":"9a29ab8699964d1e","signature":"xpCN6lg1lWzup9oN0Z2ZJXxFh9iFOYl31IHmv+ax3/A4qmX34yBToXfJJ/Dq/9j/G0Ro9kzTmDHvxidDYKW0DQ=="}
