package town.machi

import uniffi.machi_ffi.Machi
import uniffi.machi_ffi.coreVersion

/**
 * FFI round-trip cost from Kotlin/JVM through JNA (not a test: a `main`).
 * Run after `mvn test-compile` with the test classpath (see
 * docs/benchmarks/machi-bindings.md for the exact command). Prints median
 * nanoseconds per call over 7 rounds, after a warm-up round for the JIT.
 */
fun main() {
    val m: Machi = Fixtures.open()
    val cases: List<Triple<String, Int, () -> Any>> = listOf(
        Triple("coreVersion() — empty call, short string", 100_000, { coreVersion() }),
        Triple("machi.locale() — object method, small record", 100_000, { m.locale() }),
        Triple("machi.message(id) — Fluent lookup", 50_000, { m.message("common-cancel", emptyList()) }),
        Triple("machi.spot(id) — SQLite read, 20-field record", 5_000, { m.spot("hananuki-gorge") }),
        Triple("machi.sheltersNear(p, [], 5)", 5_000, { m.sheltersNear(Fixtures.station, emptyList(), 5u) }),
    )
    println(String.format("%-50s %15s %12s", "call", "median ns/call", "min ns/call"))
    for ((name, n, f) in cases) {
        repeat(n) { f() }
        val rounds = (1..7).map {
            val t0 = System.nanoTime()
            repeat(n) { f() }
            (System.nanoTime() - t0).toDouble() / n
        }.sorted()
        println(String.format("%-50s %15.0f %12.0f", name, rounds[3], rounds[0]))
    }
}
