//! `machi web build`: the town's website chatbot as static files. The FAQ
//! of a signed pack (verified here, as `machi pack verify` does) beside the
//! WebAssembly build of the chatbot and a small widget that a page embeds
//! with one `<script>` tag. `machi serve SITE_DIR` serves the result.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use machi_app::content_core::pack::keys;
use machi_i18n::Args;

use crate::ctx::{out, CliError, Ctx};

/// The widget script (embedded, so the CLI alone can publish a site).
const WIDGET_JS: &str = include_str!("../../../bindings/web/widget/machi-chat.js");
/// A page that shows the widget full size: the site's `index.html`.
const INDEX_HTML: &str = include_str!("../../../bindings/web/widget/index.html");
/// The wasm-bindgen output `scripts/build-web.sh` makes (`--target web`).
const WASM_FILES: [&str; 2] = ["machi_web_bg.wasm", "machi_web.js"];
/// The environment variable naming the folder with [`WASM_FILES`].
pub const WASM_DIR_ENV: &str = "MACHI_WEB_WASM_DIR";

/// `machi web …`.
#[derive(Debug, Subcommand)]
pub enum WebCommand {
    /// Write the town's website chatbot (wasm, FAQ data of a verified signed pack, widget) to SITE_DIR.
    Build {
        /// The built pack folder (`machi pack build --out`).
        pack: PathBuf,
        /// The publisher's public key file the pack must verify against.
        #[arg(long, env = "MACHI_PUBKEY")]
        pubkey: Option<PathBuf>,
        /// The folder to write the site into (created if missing).
        #[arg(long)]
        out: PathBuf,
        /// The WebAssembly build of the chatbot (`scripts/build-web.sh` prints it).
        #[arg(long, env = WASM_DIR_ENV, value_name = "DIR")]
        wasm: Option<PathBuf>,
    },
}

/// Runs one web command.
pub fn run(ctx: &Ctx, command: WebCommand) -> Result<(), CliError> {
    match command {
        WebCommand::Build {
            pack,
            pubkey,
            out: site,
            wasm,
        } => build(ctx, &pack, pubkey, &site, wasm),
    }
}

fn build(
    ctx: &Ctx,
    pack: &Path,
    pubkey: Option<PathBuf>,
    site: &Path,
    wasm: Option<PathBuf>,
) -> Result<(), CliError> {
    let pubkey = pubkey.ok_or_else(|| ctx.err("cli-error-no-pubkey", &Args::new()))?;
    let wasm = wasm.ok_or_else(|| ctx.err("web-cli-no-wasm", &Args::new()))?;
    // Everything is checked before anything is written: a site is never
    // left half built from a pack that does not verify.
    let key = keys::read_verifying_key(&pubkey).map_err(|e| ctx.app_error(e.into()))?;
    let bundle = machi_app::web_faq_bundle(pack, &key).map_err(|e| ctx.app_error(e))?;
    let mut files: Vec<(&str, Vec<u8>)> = Vec::new();
    for name in WASM_FILES {
        let path = wasm.join(name);
        let bytes = std::fs::read(&path).map_err(|e| io_error(ctx, &path, &e))?;
        files.push((name, bytes));
    }
    if !files[0].1.starts_with(b"\0asm") {
        return Err(ctx.err(
            "web-cli-bad-wasm",
            &Args::new().str("file", wasm.join(WASM_FILES[0]).display().to_string()),
        ));
    }
    let data = serde_json::to_vec(&bundle).map_err(|e| CliError(e.to_string()))?;
    let entries = bundle.entries.len();
    files.push(("faq.json", data));
    files.push(("machi-chat.js", WIDGET_JS.as_bytes().to_vec()));
    files.push(("index.html", INDEX_HTML.as_bytes().to_vec()));
    std::fs::create_dir_all(site).map_err(|e| io_error(ctx, site, &e))?;
    let mut total = 0;
    for (name, bytes) in &files {
        // Each file also as NAME.gz at the best level: `machi serve` (and
        // nginx's gzip_static, most CDNs) send it as is instead of
        // compressing the 800 KB module on every request.
        let gz = gzip(bytes).map_err(|e| io_error(ctx, &site.join(name), &e))?;
        total += gz.len();
        write_atomic(ctx, &site.join(name), bytes)?;
        write_atomic(ctx, &site.join(format!("{name}.gz")), &gz)?;
    }
    if ctx.json {
        return ctx.print_json(&serde_json::json!({
            "site": site,
            "pack_version": bundle.pack_version,
            "key_id": bundle.key_id,
            "entries": entries,
            "gzip_bytes": total,
            "files": files.iter().map(|(n, b)| serde_json::json!({"file": n, "bytes": b.len()})).collect::<Vec<_>>(),
        }));
    }
    out(&ctx.msg(
        "web-cli-built",
        &Args::new()
            .str("dir", site.display().to_string())
            .num("version", bundle.pack_version)
            .num("entries", entries)
            .num("kb", total.div_ceil(1024)),
    ));
    Ok(())
}

/// Written beside and renamed: a server never serves half a file.
fn write_atomic(ctx: &Ctx, path: &Path, bytes: &[u8]) -> Result<(), CliError> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    std::fs::write(&tmp, bytes).map_err(|e| io_error(ctx, &tmp, &e))?;
    std::fs::rename(&tmp, path).map_err(|e| io_error(ctx, path, &e))
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes)?;
    enc.finish()
}

fn io_error(ctx: &Ctx, path: &Path, e: &std::io::Error) -> CliError {
    ctx.app_error(machi_app::Error::InvalidInput {
        reason: format!("{}: {e}", path.display()),
    })
}
