// machi Android shell: one app module. The UI-free Kotlin (view models,
// repository) lives in shared/src/main/kotlin and the Compose screens in
// ui/src/main/kotlin; both are compiled into the app and, on the JVM, by
// tests/kotlin (view models) and tests/compose (screens, Compose Multiplatform).
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "machi"
include(":app")
