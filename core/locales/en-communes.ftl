# The commune directory (core/src/communes.rs) and `briques communes`.

communes-kind-COM = commune
communes-kind-ARM = municipal arrondissement
communes-kind-COMD = delegated commune
communes-kind-COMA = associated commune

communes-name-code = { $nom } ({ $insee })
communes-part-of = { $kind } of { $parent }
communes-in-departement = { $departement } ({ $code })
communes-population = { $n ->
    [one] { $n } inhabitant
   *[other] { $n } inhabitants
}

communes-field-insee = INSEE code
communes-field-nom = name
communes-field-departement = département
communes-field-region = region
communes-field-code-postal = postal code
communes-field-siren = SIREN
communes-field-epci = EPCI
communes-field-population = population
communes-field-rattachement = parent commune
communes-field-version = version

communes-error-line = Commune directory, line { $line }: { $detail }. The file is damaged: reload the page, or regenerate it with scripts/make-communes.
communes-error-too-large = The commune directory is too large ({ $bytes } bytes, at most { $max }): it is not Briques' own.
communes-error-not-directory = This file is not Briques' commune directory (its first line must be "briques-communes", a tab and the version).
communes-error-newer = The commune directory was written by a newer version of Briques (version { $version }): update Briques.
communes-error-field-count = { $found } fields instead of { $expected }
communes-error-too-long = a field is longer than { $max } bytes
communes-error-unknown-line = unknown kind of line "{ $tag }"
communes-error-invalid = invalid { $field } "{ $value }"
communes-error-missing = missing { $field }
communes-error-unknown = { $field } "{ $value }" is not in the directory
communes-error-duplicate = { $field } "{ $value }" given twice
communes-error-empty = The commune directory holds no commune.

communes-cli-none = No commune matches "{ $query }".
communes-cli-empty-query = type a commune's name, a postal code, an INSEE code, a SIREN or a département number (for example: briques communes search "saint denis 93")
communes-cli-bad-limit = --limit takes a whole number of at least 1, not "{ $value }"

communes-loading = Loading the list of communes…
communes-unavailable = The list of communes could not be loaded (no connection?). Try again; a budget saved on this device can still be viewed.
communes-found = { $count ->
    [0] No commune matches.
    [one] One commune matches: arrow down to choose it.
   *[other] { $count } communes match: arrows to choose, Enter to open.
}
