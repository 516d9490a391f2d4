# Shelters' open status (CLI and lists)
cli-col-status = Status
shelter-status-open = Open since { $time }
shelter-status-full = Full since { $time }
shelter-status-closed = Closed since { $time }
shelter-status-unknown = Status unknown
