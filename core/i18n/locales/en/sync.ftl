### Sync: updating content packs and notices over the network.

sync-phase-manifest = Checking for updates
sync-phase-download = Downloading
sync-phase-verify = Checking the download
sync-phase-import = Saving
sync-phase-done = Done
sync-not-modified = No changes since the last check.
sync-up-to-date = Your content is up to date (version { $version }).
sync-applied-full = Updated to version { $version } ({ $kb } KB downloaded).
sync-applied-delta = Updated from version { $from } to { $version } (changes only, { $kb } KB downloaded).
sync-error-rollback = The server offers older content (version { $offered }) than you have (version { $installed }). Nothing was changed.
sync-error-wrong-town = This update is for another town. Nothing was changed.
sync-error-bad-signature = This update is not signed by the town's publisher. Nothing was changed.
sync-error-insecure-url = Only secure (https) addresses can be used for updates.
sync-error-too-large = The download was larger than announced and was stopped. Nothing was changed.
sync-serve-listening = Serving { $dir } at { $url } (press Ctrl+C to stop).
sync-notices-new = New notices: { $count }
