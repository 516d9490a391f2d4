### Error messages a UI shows for machi's public error kinds.
### The -detail forms add the core's reason text, which is technical and
### may be in English; show them only on a details screen.

error-offline = You are offline. Saved information is still available; try again when you are connected.
error-timeout = The server took too long to answer. Please try again.
error-server = The server could not answer (error { $status }). Please try again later.
error-invalid-input = This input is not valid. Please check it and try again.
error-invalid-input-detail = This input is not valid: { $reason }
error-integrity = Downloaded data failed its safety check and was not used. Your saved data is unchanged.
error-integrity-detail = Downloaded data failed its safety check and was not used: { $reason }
error-not-found = Not found.
error-storage = Data could not be read or saved on this device. Free up some space and try again.
error-storage-detail = Data could not be read or saved on this device: { $reason }
error-unknown-locale = “{ $tag }” is not available. Showing English.
error-invalid-lang-tag = “{ $tag }” is not a language code. Use for example ja, en, zh-Hant, ko or ja-yasasii.
error-location-unavailable = Your location is not available. Choose a starting point instead.
error-cancelled = Cancelled.
error-internal = Something went wrong. Please try again.
