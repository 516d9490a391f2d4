package town.machi

import kotlin.test.Test
import kotlin.test.assertTrue
import uniffi.machi_ffi.coreVersion

class CoreVersionTest {
    @Test
    fun coreLibraryLoadsThroughJna() {
        assertTrue(coreVersion().matches(Regex("""\d+\.\d+\.\d+""")))
    }
}
