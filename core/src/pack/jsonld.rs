//! A pack's metadata as schema.org `LearningResource` JSON-LD, so that resource
//! libraries can list it: `timeRequired` as an ISO 8601 duration, `audience`,
//! `educationalLevel`, `learningResourceType`, `license` as a URL, `inLanguage`.

use serde_json::{json, Value};

use super::Pack;
use crate::i18n::{tr, Lang};

/// `90` → `PT1H30M`, `45` → `PT45M`, `120` → `PT2H`.
pub fn iso_duration(minutes: u32) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (h, m) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}

/// The JSON-LD document of a pack.
pub fn to_jsonld(pack: &Pack) -> Value {
    let audience: Vec<Value> = pack
        .audience
        .iter()
        .map(|a| json!({ "@type": "EducationalAudience", "educationalRole": a, "audienceType": a }))
        .collect();
    let authors: Vec<Value> = pack
        .authors
        .iter()
        .map(|a| json!({ "@type": "Person", "name": a }))
        .collect();
    let parts: Vec<Value> = pack
        .sheets
        .iter()
        .map(|s| {
            let mut part = json!({
                "@type": "LearningResource",
                "name": s.title,
                "learningResourceType": s.kind.code(),
                "encodingFormat": "text/markdown",
            });
            if let Some(d) = s.duration {
                part["timeRequired"] = json!(iso_duration(d));
            }
            part
        })
        .collect();
    let mut doc = json!({
        "@context": "https://schema.org",
        "@type": "LearningResource",
        "identifier": pack.slug,
        "name": pack.title,
        "description": pack.summary,
        "inLanguage": pack.language,
        "timeRequired": iso_duration(pack.duration),
        "audience": audience,
        "educationalLevel": tr(Lang::from_code(&pack.language).unwrap_or_default(), &format!("pack-level-{}", pack.level.code())),
        "learningResourceType": ["atelier", "fiche pédagogique", "document à distribuer"],
        "interactivityType": "active",
        "isAccessibleForFree": true,
        "author": authors,
        "version": pack.version,
        "teaches": pack.objectives,
        "keywords": pack.keywords,
        "hasPart": parts,
    });
    if let Some(url) = pack.licence_url() {
        doc["license"] = json!(url);
    }
    if !pack.skills.is_empty() {
        doc["educationalAlignment"] = Value::Array(
            pack.skills
                .iter()
                .map(|s| json!({ "@type": "AlignmentObject", "alignmentType": "teaches", "targetName": s }))
                .collect(),
        );
    }
    doc
}
