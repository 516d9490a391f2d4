{"key_id":"128a70c529b60bf3","signature":"/Wi5d+ysQw0u5pl07hgTY8zHYh2/rNL81DxlU0IjAipCfQXlawVdOwJcpqP6F0DO7xqVH+7Gs5dX9KAv19ImBw=="}
