# English catalogue. Every key also exists in fr.ftl, with the same variables.

## App shell
app-name = Briques
app-tagline = Data-mediation workshops
skip-to-content = Skip to content
nav-label = Main navigation
nav-home = Home
nav-duplo = Duplo
nav-budget = Budget
nav-data = Data
nav-workshops = Workshops
settings-label = Display settings
lang-label = Language
lang-fr = Français
lang-en = English
projector-toggle = Projector mode
projector-shortcut = Shortcut: Alt+P
footer-text = Briques is free software. Your data stays on this device: no account, no tracking.
page-title = { $page } — Briques

## Home
home-title = Welcome to Briques
home-intro = Workshops to understand data: your own, your town's, and what public services publish.
home-duplo-title = Data in Duplo bricks
home-duplo-text = Everyone answers a few harmless questions; we cross the answers and discover who becomes unique in the room.
home-budget-title = My town's budget
home-budget-text = Where does the town's money come from, where does it go, and what do the words of public accounting mean?
home-data-title = Reading and building charts
home-data-text = Open an open-data file, understand its columns and build an honest chart.
home-workshops-title = Ready-made workshops
home-workshops-text = Facilitation sheets with timings, materials and debrief questions.
home-open = Open

## Pages in preparation
coming-soon = This activity is coming soon to Briques.
budget-title = My town's budget
budget-soon = The town budget explorer is in preparation: it will read OFGL, DGFiP, SCDL files and TOTEM budget documents.
data-title = Reading and building charts
data-soon = The CSV explorer is in preparation: open a file, understand its columns, build a chart.
workshops-title = Workshops
workshops-soon = The workshop library is in preparation: context, method, tool, debrief and example sheets, ready to print.

## Page not found
not-found-title = Page not found
not-found-text = The address “{ $path }” does not match any page of Briques.
not-found-back = Back to the home page

## Duplo survey (default content)
survey-default-title = Data in Duplo bricks
survey-default-town = the town
survey-q-cheese = Cheese or dessert?
survey-cheese = Cheese
survey-dessert = Dessert
survey-q-sweet = Sweet or savoury?
survey-sweet = Sweet
survey-salty = Savoury
survey-q-gender = Gender
survey-woman = Woman
survey-man = Man
survey-other-gender = Other or prefer not to say
survey-q-town = Do you live in { $town }?
survey-yes = Yes
survey-no = No
survey-new-question = New question
survey-new-yes-no = New yes / no question
survey-choice-a = Choice A
survey-choice-b = Choice B
survey-new-choice = New choice
survey-age-question = Age band
survey-age-under-18 = Under 18
survey-age-18-29 = 18 to 29
survey-age-30-44 = 30 to 44
survey-age-45-59 = 45 to 59
survey-age-60-74 = 60 to 74
survey-age-75-plus = 75 and over

## Brick colours
colour-orange = orange
colour-sky-blue = sky blue
colour-bluish-green = green
colour-yellow = yellow
colour-blue = blue
colour-vermillion = vermilion
colour-reddish-purple = pink
colour-grey = grey

## Survey errors
survey-error-no-question = the survey has no question
survey-error-empty-question = question { $position } has no wording
survey-error-duplicate-question = two questions have the same id “{ $id }”
survey-error-choice-count = the question “{ $question }” has { $count } choices; it needs between 2 and 8
survey-error-empty-choice = a choice of the question “{ $question }” has no wording
survey-error-duplicate-choice = two choices of the question “{ $question }” have the same id “{ $id }”
survey-error-unknown-question = the question “{ $id }” is not in the survey
survey-error-unknown-choice = “{ $choice }” is not a choice of the question “{ $question }”
survey-error-unknown-participant = no participant number { $participant }

## Importing session and response files
csv-participant = Participant
import-error-json = this file is not valid JSON (line { $line }, column { $column }): { $detail }
import-error-not-session = this file is not a Briques Duplo session (expected the field “format”: “briques-duplo”)
import-error-newer = this session was saved by a newer version of Briques (version { $version })
import-error-survey = the survey in the file is invalid: { $detail }
import-error-response = participant { $participant }: { $detail }
import-error-duplicate-participant = participant { $participant } appears twice
import-error-empty = the file is empty
import-error-unknown-column = column { $column } “{ $name }”: no question has this name
import-error-duplicate-column = column { $column } “{ $name }”: this question already has a column
import-error-unknown-value = line { $line }, column “{ $question }”: “{ $value }” is not a possible choice ({ $expected })
import-error-bad-participant = line { $line }: “{ $value }” is not a participant number
import-error-too-many-values = column “{ $name }”: { $count } different values, too many for a question (254 at most); is it an identifier?
import-error-ragged = line { $line }: { $found } cells while the header has { $expected } columns
csv-error-unclosed-quote = line { $line }: an opening quote is never closed
csv-error-text-after-quote = line { $line }: text follows a closing quote (a quote inside a cell must be doubled: "")

## Command line
cli-error = briques: error: { $message }
cli-cannot-read = cannot read { $path }
cli-spreadsheet-file = this file is a spreadsheet workbook (xlsx, ods or xls), not a CSV: open it in your spreadsheet software and save it as CSV
cli-binary-file = this file is not text (it holds NUL bytes): expected a CSV or a JSON session
cli-unknown-quasi = “{ $name }” is neither a column nor a question of the file (available: { $known })
cli-no-question = the file holds no question to analyse
cli-respondents = { $count ->
    [0] No participant
    [one] { $count } participant
   *[other] { $count } participants
}
cli-tallies = Answers per question
cli-no-answer = no answer
cli-crosstab = Cross-tabulation: { $rows } (rows) × { $columns } (columns)
cli-total = Total
cli-unique-title = Who is unique?
cli-unique-step = { $question }: { $unique ->
    [0] nobody is alone in their combination
    [one] { $unique } person alone in their combination
   *[other] { $unique } people alone in their combination
} out of { $respondents } ({ $share }), k = { $k }
cli-unique-summary = Overall: { $unique ->
    [one] { $unique } unique participant
   *[other] { $unique } unique participants
} out of { $respondents }; { $classes ->
    [one] { $classes } combination
   *[other] { $classes } combinations
}; k-anonymity = { $k }
cli-next-question = The question that would single out the most people if added: { $question } ({ $unique } unique)
serve-not-built = the app is not built: { $path } is missing. Run scripts/build-app first (or scripts/run, which does it).
serve-data-dir = cannot create the data directory { $path }
serve-runtime = cannot start the async runtime
serve-bind = cannot listen on { $addr } (port already taken?)
serve-ready = Briques is ready on { $url } (data: { $data })
serve-failed = the server stopped on an error
serve-bad-addr = invalid address: “{ $addr }” (expected IP:PORT, for example 127.0.0.1:8080)
