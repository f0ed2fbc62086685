//! One vocabulary per concept: the macro that gives a field-less enum its stable codes.
//!
//! Chart kinds, distortions, aggregates, sort orders, filter operators, question kinds
//! and roles, pack activity kinds and levels are each one enum. [`codes!`] writes, from
//! one table, `ALL`, `CODES`, `code()`, `from_code()` and the serde implementations, so
//! that the files Briques writes, the translation keys built from the codes and the
//! lists the app offers can never disagree, and an unknown code is an error rather than
//! a silent fallback.

/// `codes!(Enum { Variant => "code", … })`: `Enum::ALL` (every value, in the order they
/// are offered), `Enum::CODES`, `code()`, `from_code()`, and `Serialize`/`Deserialize` as
/// the code (an unknown code is a serde error naming the codes allowed).
macro_rules! codes {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order they are offered.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            /// Every code, in the same order.
            pub const CODES: &'static [&'static str] = &[$($code),+];

            /// Stable identifier: as written in files, and the end of its translation keys.
            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),+
                }
            }

            /// The value with this identifier.
            pub fn from_code(code: &str) -> Option<$ty> {
                match code {
                    $($code => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(deserializer)?;
                $ty::from_code(&code)
                    .ok_or_else(|| serde::de::Error::unknown_variant(&code, $ty::CODES))
            }
        }
    };
}

pub(crate) use codes;

#[cfg(test)]
mod tests {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum Fruit {
        Apple,
        Pear,
    }
    codes!(Fruit { Apple => "apple", Pear => "pear" });

    #[test]
    fn codes_round_trip_through_serde_and_refuse_unknown_ones() {
        for fruit in Fruit::ALL {
            assert_eq!(Fruit::from_code(fruit.code()), Some(*fruit));
            let json = serde_json::to_string(fruit).unwrap();
            assert_eq!(json, format!("\"{}\"", fruit.code()));
            assert_eq!(serde_json::from_str::<Fruit>(&json).unwrap(), *fruit);
        }
        assert_eq!(Fruit::CODES, ["apple", "pear"]);
        assert_eq!(Fruit::from_code("banana"), None);
        let error = serde_json::from_str::<Fruit>("\"banana\"")
            .unwrap_err()
            .to_string();
        assert!(error.contains("banana") && error.contains("apple"), "{error}");
    }
}

/// Every translation key built from a vocabulary's codes exists in both languages.
#[cfg(test)]
mod keys {
    use crate::budget::explore::{Axis, Side};
    use crate::chart::{ChartKind, Distortion};
    use crate::dataset::transform::{Aggregate, FilterOp, SortOrder};
    use crate::i18n::{catalogue_keys, Lang};
    use crate::pack::{ActivityKind, Level};
    use crate::survey::{QuestionKind, Role};

    #[test]
    fn every_key_made_from_a_code_is_in_both_catalogues() {
        let mut wanted: Vec<String> = Vec::new();
        let mut each = |codes: &[&str], make: &dyn Fn(&str) -> Vec<String>| {
            for code in codes {
                wanted.extend(make(code));
            }
        };
        each(ChartKind::CODES, &|c| vec![format!("chart-kind-{c}")]);
        each(Distortion::CODES, &|c| {
            vec![
                format!("chart-lesson-{c}-title"),
                format!("chart-lesson-{c}-text"),
            ]
        });
        each(Aggregate::CODES, &|c| vec![format!("data-agg-{c}")]);
        each(SortOrder::CODES, &|c| vec![format!("data-sort-{c}")]);
        each(FilterOp::CODES, &|c| vec![format!("data-op-{c}")]);
        each(QuestionKind::CODES, &|c| vec![format!("duplo-kind-{c}")]);
        each(Role::CODES, &|c| vec![format!("duplo-role-{c}")]);
        each(Level::CODES, &|c| vec![format!("pack-level-{c}")]);
        each(ActivityKind::CODES, &|c| vec![format!("ateliers-activity-{c}")]);
        each(Side::CODES, &|c| vec![format!("budget-side-{c}")]);
        each(Axis::CODES, &|c| vec![format!("budget-axis-{c}")]);
        for lang in [Lang::Fr, Lang::En] {
            let keys: Vec<String> = catalogue_keys(lang).into_iter().map(|(k, _)| k).collect();
            let missing: Vec<&String> = wanted.iter().filter(|k| !keys.contains(k)).collect();
            assert!(missing.is_empty(), "{lang:?}: {missing:?}");
        }
    }
}
