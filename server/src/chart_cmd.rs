//! `briques chart render <spec.json> --data <file.csv> --out <chart.svg|chart.png>`:
//! draws a chart spec (as exported by the app) with the same drawing module as the app.
//! PNG is the SVG rasterised by resvg, with the DejaVu Sans font of Debian's
//! `fonts-dejavu-core` when present (without it, the text is left out and a warning says so);
//! only in a build with the `png` feature (on by default; `scripts/run` leaves it out).

#[cfg(feature = "png")]
use std::path::Path;
use std::path::PathBuf;

use anyhow::{anyhow, Context as _};

use briques_core::chart::draw::render_svg;
use briques_core::chart::ChartSpec;
use briques_core::i18n::{tr, tr_args, Lang};

use crate::env_lang;

/// Fonts looked for, in order, for PNG output.
#[cfg(feature = "png")]
const FONT_DIRS: [&str; 2] = ["/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu"];

/// `briques chart …`
#[derive(clap::Subcommand, Debug)]
pub enum ChartCommand {
    /// Dessine un graphique (fichier JSON exporté par l'application) en SVG ou en PNG.
    Render(RenderArgs),
}

/// Arguments of `briques chart render`.
#[derive(clap::Args, Debug)]
pub struct RenderArgs {
    /// Le graphique (JSON « briques-chart »).
    pub spec: PathBuf,
    /// Le fichier CSV des données.
    #[arg(long)]
    pub data: PathBuf,
    /// Le fichier à écrire : .svg ou .png.
    #[arg(long)]
    pub out: PathBuf,
}

/// Runs a `chart` subcommand.
pub fn run(command: ChartCommand) -> anyhow::Result<()> {
    match command {
        ChartCommand::Render(args) => render(args),
    }
}

fn render(args: RenderArgs) -> anyhow::Result<()> {
    let lang = env_lang();
    let png = match args
        .out
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("svg") => false,
        Some("png") => true,
        _ => {
            return Err(anyhow!(tr_args(
                lang,
                "chart-cli-bad-extension",
                &[("path", args.out.display().to_string().as_str().into())]
            )))
        }
    };
    let text = std::fs::read_to_string(&args.spec).with_context(|| crate::cannot_read(lang, &args.spec))?;
    let spec = ChartSpec::from_json(&text).map_err(|e| anyhow!(e.message(lang)))?;
    let ds = crate::csv_cmd::read_dataset(&args.data, lang)?;
    let svg = render_svg(&spec, &ds, lang).map_err(|e| anyhow!(e.message(lang)))?;
    let bytes = if png {
        to_png(&svg, lang)?
    } else {
        svg.into_bytes()
    };
    std::fs::write(&args.out, bytes).with_context(|| {
        tr_args(
            lang,
            "chart-cli-cannot-write",
            &[("path", args.out.display().to_string().as_str().into())],
        )
    })?;
    Ok(())
}

/// Without the `png` feature (the Quick start's build, `scripts/run`): what to build.
#[cfg(not(feature = "png"))]
fn to_png(_: &str, lang: Lang) -> anyhow::Result<Vec<u8>> {
    Err(anyhow!(tr(lang, "chart-cli-png-not-built")))
}

/// Rasterises an SVG at twice its size (sharp on a projector).
#[cfg(feature = "png")]
fn to_png(svg: &str, lang: Lang) -> anyhow::Result<Vec<u8>> {
    let mut options = resvg::usvg::Options::default();
    let fonts = options.fontdb_mut();
    for dir in FONT_DIRS {
        for name in ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"] {
            if let Ok(data) = std::fs::read(Path::new(dir).join(name)) {
                fonts.load_font_data(data);
            }
        }
    }
    if fonts.is_empty() {
        eprintln!("{}", tr(lang, "chart-cli-no-font"));
    }
    fonts.set_sans_serif_family("DejaVu Sans");
    let tree = resvg::usvg::Tree::from_str(svg, &options).map_err(|e| anyhow!(e.to_string()))?;
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width() * 2, size.height() * 2)
        .ok_or_else(|| anyhow!(tr(lang, "chart-cli-png-failed")))?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(2.0, 2.0),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| anyhow!(e.to_string()))
}
