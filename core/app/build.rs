// The embedded sample town is compiled in with include_dir; rebuild when any
// file in it is added, removed or changed.
fn main() {
    println!("cargo:rerun-if-changed=../../content/takahagi");
    println!("cargo:rerun-if-changed=build.rs");
}
