# packs
## Workshops: format errors (briques pack check, import in the app)
pack-error-not-text = this file is not UTF-8 text: save it as UTF-8
pack-error-syntax = TOML syntax error ({ $detail }): fix this line
pack-error-missing-field = required field missing: add it
pack-error-wrong-type = wrong type: write { $expected }
pack-type-text = a text between quotes
pack-type-number = a positive whole number, without quotes
pack-type-list = a list of texts between brackets ["…", "…"]
pack-type-bool = true or false
pack-type-table = a table [[…]]
pack-type-minutes = a number of minutes
pack-error-unknown-field = unknown field: check its spelling or remove it
pack-error-empty = must not be empty: fill it in
pack-error-too-long = is too long: { $max } characters at most
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
pack-error-no-columns = unreadable dataset: no header line with column names
pack-error-bad-commune = unknown commune “{ $value }”: write demo or a 5-character INSEE code
pack-error-period = { $detail }
pack-error-period-format = unreadable period: write two years “2012-2019” or a list “2012,2016,2020”
pack-error-period-year = unlikely year { $year }: years go from { $min } to { $max }
pack-error-period-order = the period's years must increase: “2012-2019”, “2012,2016,2020”
pack-error-period-long = the period covers { $years } years: { $max } at most, narrow it
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

## Workshops: app page
ateliers-intro = Workshops ready to run: timed sheets, materials, debrief questions and a handout. Open one, launch its activity already set up, print its sheets, adapt it and share it as a single file.
ateliers-loading = Loading workshops…
ateliers-load-failed = The workshops shipped with Briques could not be loaded ({ $error }). Workshops imported on this device are still available.
ateliers-library-title = Workshop library
ateliers-filter-audience = Audience
ateliers-filter-duration = Length
ateliers-filter-all = All
ateliers-filter-at-most = { $duration } or less
ateliers-shown = { $count ->
    [0] No workshop matches the filters.
    [one] { $count } workshop shown.
   *[other] { $count } workshops shown.
}
ateliers-none = No workshop matches these filters: widen the audience or the length.
ateliers-origin-imported = Imported on this device
ateliers-origin-modified = Modified on this device
ateliers-duration = Length
ateliers-group = Participants
ateliers-group-range = { $min } to { $max }
ateliers-audience = Audience
ateliers-facilitators = Facilitators
ateliers-preparation = Preparation
ateliers-level = Level
ateliers-licence = Licence
ateliers-authors = Authors
ateliers-version = Version
ateliers-about = The workshop at a glance
ateliers-objectives = Objectives
ateliers-materials = Materials
ateliers-timeline = Timed plan
ateliers-step-time = { $start } – { $end }
ateliers-total = Total length: { $duration }
ateliers-sheets = Sheets
ateliers-sheets-nav = Workshop sheets
ateliers-back = ← All workshops
ateliers-unknown-pack = No workshop has the id “{ $slug }” on this device.
ateliers-launch = Start the workshop
ateliers-launch-named = Start the workshop: { $activity }
ateliers-activity-duplo = Duplo
ateliers-activity-budget = explore the budget
ateliers-activity-si-j-etais-maire = If I were mayor
ateliers-activity-donnees = charts
ateliers-activity-debat-mouvant = moving debate
ateliers-confirm-duplo = A Duplo session with answers is open. Replace it with this workshop's survey? (Export it first from the Duplo page if you want to keep it.)
ateliers-print-sheets = Print the sheets
ateliers-print-handout = Print the handout
ateliers-export = Export (.briques)
ateliers-export-failed = Export failed: the browser refused the download.
ateliers-edit = Edit
ateliers-remove = Remove from this device
ateliers-restore = Go back to the original version
ateliers-confirm-remove = Remove this device's version of the workshop?
ateliers-language-fr = French
ateliers-language-en = English
ateliers-written-in = Content in { $language }: the sheets exist in that language only.
ateliers-minutes = { $minutes } min
ateliers-hours = { $hours } h
ateliers-hours-minutes = { $hours } h { $minutes }
ateliers-edit-title = Edit “{ $title }”
ateliers-edit-intro = Your changes are checked then saved on this device; export the workshop afterwards to share it. Sheets are written in Markdown: # title, - list, **bold**, *italic*, [link](https://…), and each step of a méthode sheet as “## Welcome (10 min)”.
ateliers-problems = { $count ->
    [one] { $count } problem to fix:
   *[other] { $count } problems to fix:
}
ateliers-field-title = Title
ateliers-field-summary = Summary
ateliers-field-duration = Length (minutes)
ateliers-field-group-min = Fewest participants
ateliers-field-group-max = Most participants
ateliers-field-facilitators = Facilitators
ateliers-field-preparation = Preparation (minutes)
ateliers-field-authors = Authors (one per line)
ateliers-field-objectives = Objectives (one per line)
ateliers-field-materials = Materials (one per line)
ateliers-field-kind = Sheet type
ateliers-field-body = Content (Markdown)
ateliers-sheet-n = Sheet { $n }
ateliers-new-sheet = New sheet
ateliers-add-sheet = Add a sheet
ateliers-remove-sheet = Remove this sheet
ateliers-save = Save
ateliers-cancel = Cancel
ateliers-import-title = Import a workshop
ateliers-import = Workshop file (.briques)
ateliers-import-hint = The file is read on this device, nothing is sent. A workshop with the same id as an existing one is never replaced without your consent.
ateliers-imported = Workshop “{ $title }” imported.
ateliers-import-identical = The workshop “{ $title }” is already here, identical: nothing to do.
ateliers-import-cancelled = Import cancelled: nothing changed.
ateliers-read-failed = The file could not be read: try again, or check that it is not open elsewhere.
ateliers-conflict = “{ $title }” has the same id as the workshop “{ $existing }” already here. What should happen?
ateliers-conflict-replace = Replace the existing workshop
ateliers-conflict-keep-both = Keep both
pack-kind-contexte = Context
pack-kind-methode = Method
pack-kind-outil = Tool
pack-kind-bilan = Debrief
pack-kind-exemple = Example
pack-kind-distanciel = Remote
pack-kind-participant = Participant handout
pack-level-debutant = Beginner
pack-level-intermediaire = Intermediate
pack-level-avance = Advanced
pack-audience-grand-public = General public
pack-audience-adultes = Adults
pack-audience-seniors = Seniors
pack-audience-jeunes = Young people (15-25)
pack-audience-lyceens = High-school students
pack-audience-collegiens = Middle-school students
pack-audience-elus = Elected officials
pack-audience-agents-publics = Public servants
pack-audience-mediateurs = Facilitators and trainers
pack-error-unknown-button = the sheet names a button "{ $label }" that Briques does not have: use the exact label the app shows
