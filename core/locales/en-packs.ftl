# packs
## Workshops: format errors (briques pack check, import in the app)
pack-error-not-text = this file is not UTF-8 text: save it as UTF-8
pack-error-syntax = TOML syntax error ({ $detail }): fix this line
pack-error-missing-field = required field missing: add it
pack-error-wrong-type = wrong type: { $expected } expected
pack-type-text = a text between quotes
pack-type-number = a positive whole number, without quotes
pack-type-list = a list of texts between brackets ["…", "…"]
pack-type-bool = true or false
pack-type-table = a table [[…]]
pack-type-minutes = a number of minutes
pack-error-unknown-field = unknown field: check its spelling or remove it
pack-error-empty = must not be empty: fill it in
pack-error-out-of-range = must be between { $min } and { $max }
pack-error-group-size = participants_min is greater than participants_max: swap them
pack-error-unknown-licence = unknown licence “{ $value }”: use an SPDX id among { $allowed } (Etalab-2.0 by default)
pack-error-unknown-activity = unknown activity “{ $value }”: possible types: { $allowed }
pack-error-unknown-value = unknown value “{ $value }”: possible values: { $allowed }
pack-error-bad-slug = invalid id “{ $value }”: lower-case letters without accents, digits and dashes only
pack-error-duplicate-slug = the id “{ $slug }” is already used by the pack { $other }: rename one of them
pack-error-front-matter-missing = the sheet must start with a header between two “---” lines (type: …, titre: …)
pack-error-front-matter-unclosed = the sheet's header is not closed: add a “---” line after its fields
pack-error-front-matter-line = unreadable header line “{ $text }”: write “key: value”
pack-error-missing-sheet = no sheet of type “{ $kind }”: add one in fiches/
pack-error-no-steps = no timed step: write each step as a heading “## Welcome (10 min)”
pack-error-steps-duration = the steps last { $total } min in all but the sheet says { $declared } min: fix one or the other
pack-error-missing-file = file “{ $path }” not found in the pack: add it or fix the path
pack-error-survey = invalid Duplo survey: { $detail }
pack-error-dataset = unreadable dataset: { $detail }
pack-error-unknown-column = column “{ $column }” is not in the dataset (columns: { $available })
pack-error-no-manifest = no pack.toml file here: a pack is a folder holding pack.toml and fiches/
pack-error-bundle-json = this .briques file is not valid JSON (line { $line }): { $detail }
pack-error-not-bundle = this file is not a Briques pack (field “format” expected: “briques-pack”)
pack-error-newer-bundle = this pack was saved by a newer version of Briques (version { $version }): update Briques

## Workshops: command line
cli-pack-cannot-write = cannot write { $path }
cli-pack-built = { $path } written ({ $bytes } bytes, { $sheets } sheets)
cli-pack-problems = { $count ->
    [one] { $count } problem to fix
   *[other] { $count } problems to fix
}
cli-pack-valid = valid pack: { $title } ({ $sheets } sheets)
cli-pack-one-expected = one pack expected here: give a pack's folder or a .briques file
cli-pack-too-big = { $path } is too big for a pack (20 MB at most per file)
