//! Guide sheets: a Markdown file that opens with front matter between two `---`
//! lines (`type: methode`, `titre: …`, `duree: 90` for a méthode), and the steps of a
//! méthode sheet (level-2 headings ending with their duration, `## Accueil (10 min)`).

use serde::{Deserialize, Serialize};

use super::markdown::{self, Block};
use super::model::ActivityKind;
use super::{Problem, ProblemKind};

/// What a sheet is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SheetKind {
    /// Objectives, who to involve, what to prepare.
    Contexte,
    /// The timed step-by-step.
    Methode,
    /// The activity, pre-configured.
    Outil,
    /// Debrief questions and what to remember.
    Bilan,
    /// A worked example.
    Exemple,
    /// The remote / online variant.
    Distanciel,
    /// The participant handout (one page).
    Participant,
    /// Easy-to-read material (FALC: « facile à lire et à comprendre »), printed in
    /// large print: the easy-read handout, the picture glossary, cards to raise.
    FacileALire,
}

impl SheetKind {
    /// Every kind, in the order sheets are shown.
    pub const ALL: [SheetKind; 8] = [
        SheetKind::Contexte,
        SheetKind::Methode,
        SheetKind::Outil,
        SheetKind::Bilan,
        SheetKind::Exemple,
        SheetKind::Distanciel,
        SheetKind::Participant,
        SheetKind::FacileALire,
    ];

    /// The five kinds every pack must have.
    pub const REQUIRED: [SheetKind; 5] = [
        SheetKind::Contexte,
        SheetKind::Methode,
        SheetKind::Outil,
        SheetKind::Bilan,
        SheetKind::Exemple,
    ];

    /// The name written in front matter.
    pub fn code(self) -> &'static str {
        match self {
            SheetKind::Contexte => "contexte",
            SheetKind::Methode => "methode",
            SheetKind::Outil => "outil",
            SheetKind::Bilan => "bilan",
            SheetKind::Exemple => "exemple",
            SheetKind::Distanciel => "distanciel",
            SheetKind::Participant => "participant",
            SheetKind::FacileALire => "facile-a-lire",
        }
    }

    /// Reads a front-matter value (accents, case and spaces ignored: `Méthode` is
    /// `methode`, `Facile à lire` is `facile-a-lire`; `FALC` is accepted too).
    pub fn from_code(code: &str) -> Option<SheetKind> {
        let folded: String = code
            .trim()
            .chars()
            .map(crate::i18n::fold_accent)
            .map(|c| if c == ' ' { '-' } else { c })
            .collect::<String>()
            .to_lowercase();
        if folded == "falc" {
            return Some(SheetKind::FacileALire);
        }
        SheetKind::ALL.into_iter().find(|k| k.code() == folded)
    }

    /// The translation key of the kind's name.
    pub fn label_key(self) -> &'static str {
        match self {
            SheetKind::Contexte => "pack-kind-contexte",
            SheetKind::Methode => "pack-kind-methode",
            SheetKind::Outil => "pack-kind-outil",
            SheetKind::Bilan => "pack-kind-bilan",
            SheetKind::Exemple => "pack-kind-exemple",
            SheetKind::Distanciel => "pack-kind-distanciel",
            SheetKind::Participant => "pack-kind-participant",
            SheetKind::FacileALire => "pack-kind-facile-a-lire",
        }
    }
}

/// One guide sheet.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// Its file name inside the pack (`fiches/02-methode-1h30.md`).
    pub file: String,
    /// Its kind.
    pub kind: SheetKind,
    /// Its title.
    pub title: String,
    /// For a méthode sheet: the session's length in minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    /// The Markdown body (after the front matter).
    pub body: String,
}

/// A timed step of a méthode sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The heading without its duration.
    pub title: String,
    /// Minutes.
    pub minutes: u32,
    /// Minutes from the start of the session.
    pub start: u32,
}

impl Sheet {
    /// The sheet's Markdown as blocks.
    pub fn blocks(&self) -> Vec<Block> {
        markdown::parse(&self.body)
    }

    /// The timed steps: level-2 headings ending with `(N min)`.
    pub fn steps(&self) -> Vec<Step> {
        steps_from(&self.blocks())
    }

    /// The sheet as its Markdown file (front matter, then the body).
    pub fn to_markdown(&self) -> String {
        let mut out = format!("---\ntype: {}\ntitre: {}\n", self.kind.code(), self.title);
        if let Some(d) = self.duration {
            out.push_str(&format!("duree: {d}\n"));
        }
        out.push_str("---\n");
        out.push_str(&self.body);
        out
    }
}

/// The timed steps of a sheet's blocks ([`Sheet::blocks`]), for a caller that already
/// has them: level-2 headings ending with `(N min)`.
pub fn steps_from(blocks: &[Block]) -> Vec<Step> {
    let mut start = 0;
    let mut steps = Vec::new();
    for block in blocks {
        if let Block::Heading { level: 2, text } = block {
            let text = markdown::plain_text(text);
            if let Some((title, minutes)) = step_heading(&text) {
                steps.push(Step {
                    title,
                    minutes,
                    start,
                });
                start = start.saturating_add(minutes);
            }
        }
    }
    steps
}

/// `Accueil (10 min)` → (`Accueil`, 10).
pub fn step_heading(text: &str) -> Option<(String, u32)> {
    let text = text.trim();
    let inner = text.strip_suffix("min)")?;
    let open = inner.rfind('(')?;
    let minutes: u32 = inner.get(open + 1..)?.trim().parse().ok()?;
    let title = inner.get(..open)?.trim().trim_end_matches(['—', '-', '·']).trim();
    Some((title.to_owned(), minutes))
}

/// Reads a sheet file: front matter then Markdown. Problems name the file and line.
pub fn parse_sheet(file: &str, text: &str) -> (Option<Sheet>, Vec<Problem>) {
    let mut problems = Vec::new();
    let problem = |line: Option<usize>, field: &str, kind: ProblemKind| Problem {
        file: file.to_owned(),
        line,
        field: field.to_owned(),
        kind,
    };
    let text = crate::csv::strip_bom(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim() != "---" {
        problems.push(problem(Some(1), "", ProblemKind::FrontMatterMissing));
        return (None, problems);
    }
    let mut kind = None;
    let mut title = None;
    let mut duration = None;
    let mut kind_line = 1;
    let mut closed_at = None;
    let mut consumed = first.len();
    for (n, raw) in lines.by_ref().enumerate() {
        let line_no = n + 2;
        consumed += raw.len();
        let line = raw.trim();
        if line == "---" {
            closed_at = Some(line_no);
            break;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once(':') else {
            problems.push(problem(
                Some(line_no),
                "",
                ProblemKind::FrontMatterBadLine {
                    text: line.to_owned(),
                },
            ));
            continue;
        };
        let (key, value) = (key.trim(), unquote(value.trim()));
        match key {
            "type" | "kind" => {
                kind_line = line_no;
                match SheetKind::from_code(value) {
                    Some(k) => kind = Some(k),
                    None => problems.push(problem(
                        Some(line_no),
                        key,
                        ProblemKind::UnknownValue {
                            value: value.to_owned(),
                            allowed: SheetKind::ALL.map(SheetKind::code).join(", "),
                        },
                    )),
                }
            }
            "titre" | "title" => title = Some(value.to_owned()),
            "duree" | "durée" | "duration" => match value.trim_end_matches("min").trim().parse::<u32>() {
                Ok(d) if d > 0 && d <= 24 * 60 => duration = Some(d),
                _ => problems.push(problem(
                    Some(line_no),
                    key,
                    ProblemKind::WrongType { expected: "minutes" },
                )),
            },
            other => problems.push(problem(Some(line_no), other, ProblemKind::UnknownField)),
        }
    }
    let Some(end_line) = closed_at else {
        // The body was read as header lines: only the missing `---` is the problem.
        problems.clear();
        problems.push(problem(Some(1), "", ProblemKind::FrontMatterUnclosed));
        return (None, problems);
    };
    if kind.is_none() && !problems.iter().any(|p| p.field == "type" || p.field == "kind") {
        problems.push(problem(Some(end_line), "type", ProblemKind::MissingField));
    }
    let title = title.filter(|t| !t.trim().is_empty());
    if title.is_none() {
        problems.push(problem(Some(end_line), "titre", ProblemKind::MissingField));
    }
    let body = text.get(consumed.min(text.len())..).unwrap_or("").to_owned();
    let (Some(kind), Some(title)) = (kind, title) else {
        return (None, problems);
    };
    let sheet = Sheet {
        file: file.to_owned(),
        kind,
        title,
        duration,
        body,
    };
    if kind == SheetKind::Methode {
        check_steps(&sheet, kind_line, end_line, &mut problems);
    }
    check_labels(&sheet, end_line, &mut problems);
    (Some(sheet), problems)
}

/// The labels a sheet gives to the app's buttons: what follows « bouton » or
/// « cliquez (sur) » in bold (`**Lancer l'atelier**`) or in quotes (« Nouvelle session »),
/// with the line it is on.
pub fn named_buttons(body: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in body.lines().enumerate() {
        let lower = line.to_lowercase();
        for marker in ["bouton", "cliquez sur", "cliquez"] {
            let mut from = 0;
            while let Some(at) = lower[from..].find(marker) {
                let start = from + at + marker.len();
                from = start;
                // `boutons`, `bouton`: the rest of the word, then spaces.
                let rest = line.get(start..).unwrap_or("");
                let rest = rest.trim_start_matches('s').trim_start();
                let label = if let Some(bold) = rest.strip_prefix("**") {
                    bold.split_once("**").map(|(l, _)| l)
                } else if let Some(quoted) = rest.strip_prefix('«') {
                    quoted.split_once('»').map(|(l, _)| l)
                } else {
                    None
                };
                let label = label.map(|l| l.trim().trim_matches('*').trim());
                if let Some(label) = label.filter(|l| !l.is_empty()) {
                    if !found
                        .iter()
                        .any(|(m, _, f): &(usize, usize, String)| *m == n && f == label)
                    {
                        found.push((n, start, label.to_owned()));
                    }
                }
            }
        }
    }
    // In reading order (« cliquez sur » and « cliquez » find the same label once).
    crate::sorting::sort_by(&mut found, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    found.into_iter().map(|(n, _, label)| (n, label)).collect()
}

/// A button a sheet names must carry that label in the app (its French catalogue, or
/// the pack language's): in front of a group, a sheet that says « cliquez Démarrer »
/// when the button says « Lancer » is where a workshop stumbles.
pub(super) fn check_labels(sheet: &Sheet, body_line: usize, problems: &mut Vec<Problem>) {
    let fold = |s: &str| s.replace('’', "'").to_lowercase();
    let labels: Vec<String> = crate::i18n::plain_messages(crate::i18n::Lang::Fr)
        .iter()
        .map(|l| fold(l))
        .collect();
    if labels.is_empty() {
        return;
    }
    for (n, label) in named_buttons(&sheet.body) {
        let wanted = fold(&label);
        let known = labels.iter().any(|l| {
            *l == wanted || l.starts_with(&format!("{wanted} (")) || l.starts_with(&format!("{wanted} :"))
        });
        if !known {
            problems.push(Problem {
                file: sheet.file.clone(),
                line: Some(body_line + n + 1),
                field: String::new(),
                kind: ProblemKind::UnknownButton { label },
            });
        }
    }
}

/// How a sheet names an activity of the app, from the activity types the format knows
/// ([`ActivityKind`]): the page that activity opens after « page », « menu » or
/// « onglet » (`page Duplo`, `page **Budget**`, `menu « Données »`), its link
/// (`](/duplo`), or the game's name (« Si j'étais maire »). « En direct » is no
/// activity type: a live session runs any pack, so it is not checked.
const MENTIONS: [(&str, ActivityKind); 4] = [
    ("duplo", ActivityKind::Duplo),
    ("budget", ActivityKind::Budget),
    ("données", ActivityKind::Donnees),
    ("donnees", ActivityKind::Donnees),
];

/// The activities a sheet's body mentions: (0-based line, activity, the words as
/// written), once per activity and line, in reading order.
pub fn mentioned_activities(body: &str) -> Vec<(usize, ActivityKind, String)> {
    let mut found: Vec<(usize, usize, ActivityKind, String)> = Vec::new();
    for (n, line) in body.lines().enumerate() {
        let lower = line.replace('’', "'").to_lowercase();
        let kind_page = |kind: ActivityKind| match kind {
            ActivityKind::Duplo => "Duplo",
            ActivityKind::Budget | ActivityKind::Maire => "Budget",
            ActivityKind::Donnees => "Données",
            // A debate opens no page: it runs live; never in MENTIONS.
            ActivityKind::Debat => "",
        };
        let mut add = |at: usize, kind: ActivityKind, words: &str| {
            if !found.iter().any(|(m, _, k, _)| *m == n && *k == kind) {
                found.push((n, at, kind, words.to_owned()));
            }
        };
        let game = "si j'étais maire";
        if let Some(at) = lower.find(game) {
            add(at, ActivityKind::Maire, "Si j'étais maire");
        }
        for marker in ["page", "menu", "onglet", "](/"] {
            let mut from = 0;
            while let Some(at) = lower.get(from..).and_then(|rest| rest.find(marker)) {
                let start = from + at;
                from = start + marker.len();
                // A whole word: « pages » or « rampage » are not the marker.
                let word_start = marker.starts_with(']')
                    || !lower[..start]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric);
                if !word_start {
                    continue;
                }
                let rest = lower[from..].trim_start_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '*' | '«' | '"' | '\u{a0}' | '\u{202f}')
                });
                for (name, kind) in MENTIONS {
                    let whole = rest
                        .strip_prefix(name)
                        .is_some_and(|after| !after.chars().next().is_some_and(char::is_alphanumeric));
                    if whole {
                        let shown = if marker.starts_with(']') {
                            format!("/{name}")
                        } else {
                            format!("{marker} {}", kind_page(kind))
                        };
                        add(start, kind, &shown);
                    }
                }
            }
        }
    }
    crate::sorting::sort_by(&mut found, |a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    found
        .into_iter()
        .map(|(n, _, kind, words)| (n, kind, words))
        .collect()
}

/// Every activity a sheet mentions is one the pack declares in its `[[activites]]`:
/// a sheet that sends the group to « la page Budget » of a pack that launches only the
/// Duplo page leaves the facilitator without the tool. The Budget page is declared by
/// `budget` or `si-j-etais-maire` (both open it). `body_line` is the line of the
/// front matter's closing `---`.
pub fn check_activities(
    sheet: &Sheet,
    body_line: usize,
    declared: &[ActivityKind],
    problems: &mut Vec<Problem>,
) {
    for (n, kind, mention) in mentioned_activities(&sheet.body) {
        let ok = declared
            .iter()
            .any(|d| *d == kind || (kind == ActivityKind::Budget && *d == ActivityKind::Maire));
        if !ok {
            problems.push(Problem {
                file: sheet.file.clone(),
                line: Some(body_line + n + 1),
                field: String::new(),
                kind: ProblemKind::UndeclaredActivity {
                    mention,
                    activity: kind,
                },
            });
        }
    }
}

/// A méthode sheet declares its length and its steps add up to it.
pub(super) fn check_steps(sheet: &Sheet, kind_line: usize, end_line: usize, problems: &mut Vec<Problem>) {
    let problem = |line, field: &str, kind| Problem {
        file: sheet.file.clone(),
        line,
        field: field.to_owned(),
        kind,
    };
    let steps = sheet.steps();
    match sheet.duration {
        None => problems.push(problem(Some(end_line), "duree", ProblemKind::MissingField)),
        Some(declared) => {
            let total = steps.iter().fold(0u32, |sum, s| sum.saturating_add(s.minutes));
            if steps.is_empty() {
                problems.push(problem(Some(kind_line), "type", ProblemKind::NoSteps));
            } else if total != declared {
                problems.push(problem(
                    None,
                    "duree",
                    ProblemKind::StepsDuration { total, declared },
                ));
            }
        }
    }
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_steps() {
        let text = "---\ntype: Méthode\ntitre: \"Déroulé 45 min\"\nduree: 45\n---\n# Déroulé\n\n## Accueil (10 min)\n\ntexte\n\n## Jeu — 35 min\n\n## Débat (35 min)\n";
        let (sheet, problems) = parse_sheet("m.md", text);
        assert!(problems.is_empty(), "{problems:?}");
        let sheet = sheet.unwrap();
        assert_eq!(sheet.kind, SheetKind::Methode);
        assert_eq!(sheet.title, "Déroulé 45 min");
        assert!(sheet.body.starts_with("# Déroulé"));
        let steps = sheet.steps();
        assert_eq!(steps.len(), 2);
        assert_eq!(
            (steps[1].title.as_str(), steps[1].start, steps[1].minutes),
            ("Débat", 10, 35)
        );
        let (again, _) = parse_sheet("m.md", &sheet.to_markdown());
        assert_eq!(again.as_ref(), Some(&sheet));
    }

    #[test]
    fn a_sheet_names_only_buttons_the_app_has() {
        let text = "---\ntype: outil\ntitre: Outil\n---\n# Outil\n\nCliquez « Lancer la session en direct », puis le bouton **Nouvelle session**.\nLe bouton « Démarrer une session » n'existe pas.\n";
        assert_eq!(
            named_buttons(text.split("---\n").nth(2).unwrap()),
            vec![
                (2, "Lancer la session en direct".to_owned()),
                (2, "Nouvelle session".to_owned()),
                (3, "Démarrer une session".to_owned())
            ]
        );
        let (_, problems) = parse_sheet("o.md", text);
        // « Nouvelle session » is the start of « Nouvelle session (effacer les réponses) ».
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(
            problems[0].kind,
            ProblemKind::UnknownButton {
                label: "Démarrer une session".into()
            }
        );
        assert_eq!(problems[0].line, Some(8));
    }

    #[test]
    fn the_activities_a_sheet_mentions_must_be_declared() {
        let text = "---\ntype: outil\ntitre: Outil\n---\n# Outil\n\nOuvrez la page **Budget**, onglet « Si j’étais maire ».\nLes pages de ce livret ; le menu Données ; [la page](/duplo).\nUne page Duploland, le budget de la page 3.\n";
        let (sheet, problems) = parse_sheet("o.md", text);
        assert!(problems.is_empty(), "{problems:?}");
        let sheet = sheet.unwrap();
        // Body lines: 0 `# Outil`, 1 empty, 2 budget + game, 3 données + duplo link,
        // 4 neither (Duploland is another word, « page 3 » names no activity).
        assert_eq!(
            mentioned_activities(&sheet.body),
            vec![
                (2, ActivityKind::Budget, "page Budget".to_owned()),
                (2, ActivityKind::Maire, "Si j'étais maire".to_owned()),
                (3, ActivityKind::Donnees, "menu Données".to_owned()),
                (3, ActivityKind::Duplo, "/duplo".to_owned()),
            ]
        );
        // The front matter's `---` is line 4: body line n is line 4 + n + 1.
        let mut problems = Vec::new();
        check_activities(&sheet, 4, &[ActivityKind::Maire], &mut problems);
        let found: Vec<(Option<usize>, ActivityKind)> = problems
            .iter()
            .map(|p| match &p.kind {
                ProblemKind::UndeclaredActivity { activity, .. } => (p.line, *activity),
                other => panic!("{other:?}"),
            })
            .collect();
        // « Si j'étais maire » opens the Budget page: both mentions of line 7 are declared.
        assert_eq!(
            found,
            vec![(Some(8), ActivityKind::Donnees), (Some(8), ActivityKind::Duplo)]
        );
        let message = problems[0].message(crate::i18n::Lang::Fr);
        assert!(
            message.starts_with("o.md:8: la fiche parle de « menu Données »")
                && message.contains("« donnees »"),
            "{message}"
        );
        let mut problems = Vec::new();
        check_activities(
            &sheet,
            4,
            &[ActivityKind::Budget, ActivityKind::Donnees, ActivityKind::Duplo],
            &mut problems,
        );
        // The Budget page alone is not the game.
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].line, Some(7));
    }

    #[test]
    fn easy_read_sheets_have_their_kind() {
        for written in ["facile-a-lire", "Facile à lire", "FALC"] {
            assert_eq!(
                SheetKind::from_code(written),
                Some(SheetKind::FacileALire),
                "{written}"
            );
        }
        assert_eq!(SheetKind::from_code("facile"), None);
    }

    #[test]
    fn broken_front_matter_is_located() {
        let (_, p) = parse_sheet("a.md", "# pas de front matter\n");
        assert_eq!(p[0].kind, ProblemKind::FrontMatterMissing);
        let (_, p) = parse_sheet("a.md", "---\ntype: outil\ntitre: x\n");
        assert_eq!(p[0].kind, ProblemKind::FrontMatterUnclosed);
        let (_, p) = parse_sheet("a.md", "---\ntype: recette\nceci n'est pas une clé\n---\n");
        assert_eq!(p.len(), 3, "{p:?}");
        assert_eq!((p[0].line, p[0].field.as_str()), (Some(2), "type"));
        assert_eq!(p[1].line, Some(3));
        assert_eq!(p[2].field, "titre");
        let (_, p) = parse_sheet(
            "a.md",
            "---\ntype: methode\ntitre: x\nduree: 30\n---\n## A (10 min)\n",
        );
        assert_eq!(
            p[0].kind,
            ProblemKind::StepsDuration {
                total: 10,
                declared: 30
            }
        );
        let huge = "---\ntype: methode\ntitre: x\nduree: 30\n---\n## A (4294967295 min)\n## B (9 min)\n";
        let (_, p) = parse_sheet("a.md", huge);
        assert!(
            matches!(p[0].kind, ProblemKind::StepsDuration { .. }),
            "no overflow: {p:?}"
        );
    }
}
