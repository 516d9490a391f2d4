package town.machi

import java.nio.file.Files
import kotlinx.coroutines.Dispatchers
import org.junit.jupiter.api.Assumptions
import town.machi.shared.MachiRepository
import uniffi.machi_ffi.GeoPoint
import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.MachiConfig

/** Shared test setup: a fresh data directory per open, the embedded town. */
object Fixtures {
    val station = GeoPoint(36.7191, 140.7107)

    /**
     * Skips the calling test when a prerequisite the test command provides is
     * missing ([why] says which), or fails it when MACHI_REQUIRE_DATA=1 (CI).
     */
    fun requireData(present: Boolean, why: String) {
        if (present) return
        check(System.getenv("MACHI_REQUIRE_DATA") != "1") { "$why (MACHI_REQUIRE_DATA=1)" }
        Assumptions.assumeTrue(false, why)
    }

    fun config(vararg locales: String = arrayOf("en-US"), key: String? = null) =
        MachiConfig(deviceLocales = locales.toList(), languageOverride = null, publisherKey = key, inMemory = false)

    fun open(vararg locales: String = arrayOf("en-US"), key: String? = null): Machi =
        Machi.open(Files.createTempDirectory("machi-kt").toString(), config(*locales, key = key))

    /** A repository whose calls run on the calling thread's pool (no Android main looper here). */
    fun repo(machi: Machi = open()) = MachiRepository(machi, Dispatchers.Default)
}
