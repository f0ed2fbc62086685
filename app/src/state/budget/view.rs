//! The budget explorer's view, which lives in the URL so that a view can be shared:
//! commune, year, side, axis, drill-down path, per inhabitant, tab. Parsing never fails:
//! unknown or broken parameters fall back to the defaults.

use briques_core::budget::explore::{Axis, Side};

/// Where the budgets come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The bundled demo commune (Briqueville).
    Demo,
    /// A commune of the national files served by `briques serve --budgets`, by INSEE code.
    Insee(String),
    /// A file imported on this device (cannot be restored from a URL).
    File,
}

/// The tab of the page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tab {
    /// Where the money comes from and goes.
    #[default]
    Explorer,
    /// "Si j'étais maire".
    Maire,
}

/// What the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct BudgetView {
    /// The commune.
    pub source: Source,
    /// The exercice; `None` for the latest available.
    pub year: Option<i32>,
    /// Spending or revenue.
    pub side: Side,
    /// Grouping by nature or by fonction.
    pub axis: Axis,
    /// Drill-down keys below the root.
    pub path: Vec<String>,
    /// Amounts per inhabitant.
    pub per_inhabitant: bool,
    /// The tab.
    pub tab: Tab,
}

impl Default for BudgetView {
    fn default() -> Self {
        BudgetView {
            source: Source::Demo,
            year: None,
            side: Side::Depenses,
            axis: Axis::Nature,
            path: Vec::new(),
            per_inhabitant: false,
            tab: Tab::Explorer,
        }
    }
}

fn decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = |b: u8| (b as char).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(high), Some(low)) => {
                        out.push((high * 16 + low) as u8);
                        i += 2;
                    }
                    _ => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn is_key(key: &str) -> bool {
    !key.is_empty() && key.len() <= 12 && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

impl BudgetView {
    /// The view described by a query string (`?commune=demo&annee=2023…`).
    pub fn from_query(query: &str) -> BudgetView {
        let mut view = BudgetView::default();
        for pair in query.trim_start_matches('?').split('&') {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode(value);
            match name {
                "commune" if value == "demo" => view.source = Source::Demo,
                "commune" if value.len() == 5 && value.chars().all(|c| c.is_ascii_alphanumeric()) => {
                    view.source = Source::Insee(value.to_ascii_uppercase())
                }
                "annee" => view.year = value.parse().ok().filter(|y| (1990..=2100).contains(y)),
                "vue" => view.side = Side::from_code(&value).unwrap_or_default(),
                "axe" => view.axis = Axis::from_code(&value).unwrap_or_default(),
                "chemin" => {
                    view.path = value
                        .split('.')
                        .filter(|k| is_key(k))
                        .take(3)
                        .map(str::to_owned)
                        .collect()
                }
                "hab" => view.per_inhabitant = value == "1",
                "onglet" if value == "maire" => view.tab = Tab::Maire,
                _ => {}
            }
        }
        view
    }

    /// The query string of this view (without defaults), starting with `?`.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        match &self.source {
            Source::Demo => parts.push("commune=demo".to_owned()),
            Source::Insee(code) => parts.push(format!("commune={code}")),
            Source::File => {}
        }
        if let Some(year) = self.year {
            parts.push(format!("annee={year}"));
        }
        if self.side != Side::default() {
            parts.push(format!("vue={}", self.side.code()));
        }
        if self.axis != Axis::default() {
            parts.push(format!("axe={}", self.axis.code()));
        }
        if !self.path.is_empty() {
            parts.push(format!("chemin={}", self.path.join(".")));
        }
        if self.per_inhabitant {
            parts.push("hab=1".into());
        }
        if self.tab == Tab::Maire {
            parts.push("onglet=maire".into());
        }
        format!("?{}", parts.join("&"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_survives_its_url() {
        let view = BudgetView {
            source: Source::Insee("2A004".into()),
            year: Some(2023),
            side: Side::Recettes,
            axis: Axis::Fonction,
            path: vec!["F".into(), "f2".into(), "7067".into()],
            per_inhabitant: true,
            tab: Tab::Maire,
        };
        assert_eq!(BudgetView::from_query(&view.to_query()), view);
        assert_eq!(
            BudgetView::from_query(&BudgetView::default().to_query()),
            BudgetView::default()
        );
    }

    #[test]
    fn broken_parameters_fall_back_to_the_defaults() {
        let view = BudgetView::from_query("?commune=<script>&annee=abc&chemin=F.%3Cb%3E..012&hab=yes&x");
        assert_eq!(view.source, Source::Demo);
        assert_eq!(view.year, None);
        assert_eq!(view.path, vec!["F".to_owned(), "012".to_owned()]);
        assert!(!view.per_inhabitant);
        assert_eq!(BudgetView::from_query("%"), BudgetView::default());
        assert_eq!(BudgetView::from_query("chemin=%E9%"), BudgetView::default());
    }
}
