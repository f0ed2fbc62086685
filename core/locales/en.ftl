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
budget-title = My town's budget
data-title = Reading and building charts
workshops-title = Workshops

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
survey-error-too-many-questions = the survey has { $count } questions: { $max } at most
survey-error-label-too-long = “{ $start }” is too long: { $max } characters at most per label or id
survey-error-empty-question = question { $position } has no wording
survey-error-duplicate-question = two questions have the same id “{ $id }”
survey-error-choice-count = the question “{ $question }” has { $count } choices; it needs between 2 and 8
survey-error-empty-choice = a choice of the question “{ $question }” has no wording
survey-error-duplicate-choice = two choices of the question “{ $question }” have the same id “{ $id }”
survey-error-unknown-question = the question “{ $id }” is not in the survey
survey-error-unknown-choice = “{ $choice }” is not a choice of the question “{ $question }”
survey-error-unknown-participant = no participant number { $participant }

## Who is given away by their group? (ℓ-diversity) and generalisation
survey-l-diversity-title = Who is given away by their group?
survey-l-diversity-explain = You need not be alone to be given away by your group: when everyone with the same answers to the crossed questions gave the same opinion, knowing someone belongs to the group is enough to know their opinion. ℓ is the smallest number of different answers in a group of at least 2 people (a missing answer does not count).
survey-l-diversity = “{ $question }”: ℓ = { $l }, { $l ->
    [one] at least one group gave one and the same answer
   *[other] every group gave at least { $l } different answers
}
survey-l-diversity-none = “{ $question }”: no group of at least 2 people answered it, ℓ is undefined
survey-homogeneous = The { $size } people “{ $quasi }” all answered “{ $answer }” to “{ $question }”
survey-homogeneous-skipped = The { $size } people “{ $quasi }” answered “{ $answer }” to “{ $question }” or did not answer it ({ $skipped } without an answer)
survey-no-homogeneous = No group answered with one voice.
survey-loss-title = What the protection cost
survey-loss-summary = { $merged ->
    [0] no answer merged
    [one] { $merged } answer merged into a wider choice
   *[other] { $merged } answers merged into a wider choice
}, { $suppressed ->
    [0] no answer suppressed
    [one] { $suppressed } answer suppressed
   *[other] { $suppressed } answers suppressed
}, { $removed ->
    [0] nobody removed
    [one] { $removed } participant removed
   *[other] { $removed } participants removed
}
survey-loss-figure = Information loss: { $share } of the { $answers } original answers no longer say what they said
survey-loss-explain = The information loss is the share of the original answers merged with other choices into a wider one, or suppressed with a dropped question or a removed person.
plan-place-merge = merge no. { $n } (“merge”)
plan-place-drop = dropped question no. { $n } (“drop”)
plan-error-json = this plan is not the expected JSON (line { $line }, column { $column }): { $detail }
plan-error-too-large = the plan names { $count } questions and choices: { $max } at most
plan-error-unknown-question = { $place }: “{ $name }” is neither a question nor a column of the file
plan-error-unknown-choice = { $place }: “{ $name }” is not a choice of the question “{ $question }”
plan-error-too-few-choices = { $place }: at least 2 choices are needed to merge
plan-error-choice-twice = { $place }: the choice “{ $choice }” of the question “{ $question }” is already merged
plan-error-empty-label = { $place }: the new choice has no label (“label”)
plan-error-label-too-long = { $place }: the new choice's label is longer than { $max } characters
plan-error-label-taken = { $place }: “{ $label }” is already the label of another choice of the question “{ $question }”
plan-error-whole-question = { $place }: merging every choice of “{ $question }” would leave only one; drop the question instead (“drop”)
plan-error-merged-and-dropped = { $place }: the question “{ $question }” is also dropped by the plan
plan-error-drops-everything = the plan drops every question: none would be left to analyse

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
csv-irregular-line = line { $line }: { $what }
csv-irregular-backslash-quote = quote preceded by a backslash (\"), read as a quote
csv-irregular-spaces-around-quotes = spaces around a quoted cell, left out
csv-irregular-text-after-quote = text after a closing quote, kept in the cell
csv-irregular-stray-quote = misplaced quote, read anyway
csv-irregular-unclosed-quote = quote never closed, read as a character
csv-more-irregular = { $count ->
    [one] and { $count } more irregular line, read anyway
   *[other] and { $count } more irregular lines, read anyway
}
csv-title-lines = { $count ->
    [one] { $count } title line left out before the header
   *[other] { $count } title lines left out before the header
}
csv-repeated-headers = { $count ->
    [one] { $count } header line repeated in the data, left out
   *[other] { $count } header lines repeated in the data, left out
}
csv-error-other-encoding = this file seems written in another script, in { $script }: Briques reads UTF-8, UTF-16 and Windows-1252 (Latin-1). Save it as UTF-8 (“CSV UTF-8” in the spreadsheet), then open it again.
csv-script-cyrillic = Cyrillic (Windows-1251 or KOI8-R encoding)
csv-script-japanese = Japanese (Shift_JIS encoding)
csv-script-chinese = Chinese (GBK, GB2312 or Big5 encoding)

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
serve-bad-addr = invalid address: “{ $addr }” (expected IP:PORT, for example 127.0.0.1:8080)

## Duplo page
duplo-intro = Everyone answers a few harmless questions. We stack the bricks, cross the answers, and see who becomes recognisable.
duplo-entry-title = Fast entry
duplo-keys-hint = Keys, as soon as the page opens (outside text fields): 1 to 8 to answer, 0 to skip the question, Enter for the next participant, Backspace to clear, Escape to drop the entry, Ctrl+Z to undo; inside this frame, arrows change question. On a button, Enter and Space press it.
duplo-page-keys = Keys work anywhere on the page (untick if they get in the way of assistive technology: they will then work inside this frame only)
duplo-participant = Participant { $participant }
duplo-editing = Editing participant { $participant }
duplo-next = Next participant (Enter)
duplo-save-edit = Save the change (Enter)
duplo-undo = Undo (Ctrl+Z)
duplo-cancel-draft = Drop this entry (Escape)
duplo-count-title = Number of participants
duplo-participants = { $count ->
    [one] participant
   *[other] participants
}
duplo-answers = { $count ->
    [0] No answer yet.
    [one] { $count } answer in all.
   *[other] { $count } answers in all.
}
duplo-notice-saved = Participant { $participant } saved.
duplo-notice-updated = Participant { $participant } changed.
duplo-notice-deleted = Participant { $participant } deleted (Ctrl+Z to undo).
duplo-notice-undone = Last change undone.
duplo-notice-nothing-to-undo = Nothing to undo.
duplo-notice-imported = { $count ->
    [0] File imported: no answer.
    [one] File imported: { $count } answer.
   *[other] File imported: { $count } answers.
}
duplo-notice-survey = { $lost ->
    [0] Survey saved.
    [one] Survey saved; { $lost } answer was removed.
   *[other] Survey saved; { $lost } answers were removed.
}
duplo-notice-new = New session: the previous answers were cleared (Ctrl+Z to undo).
duplo-notice-error = Not possible: { $message }
duplo-views-title = The bricks
duplo-towers = Brick towers
duplo-towers-of = Brick towers: { $question }
duplo-towers-question = Question
duplo-colour-by = Colour bricks by
duplo-colour-none = the same question
duplo-brick-unit = One brick stands for { $count } people.
duplo-legend = Colours: { $question }
duplo-no-answer = no answer
duplo-bars = Answers per question
duplo-stacked = Breakdown in percent
duplo-cross-section = Cross two questions
duplo-cross-title = Cross-tabulation
duplo-cross-rows = Rows
duplo-cross-cols = Columns
duplo-cross-needs-two = Crossing answers needs at least two questions.
duplo-mask-k = Mask cells with fewer than
duplo-reveal = Reveal small cells
duplo-masked = < { $k }
duplo-masked-explained = < { $k } (fewer than { $k } people)
duplo-hidden = masked
duplo-hidden-explained = masked (to protect a small neighbouring cell)
duplo-masked-note = { $k ->
    [one] No cell is masked.
   *[other] "< { $k }": fewer than { $k } people, masked so that nobody is recognised on screen. "masked": a cell also hidden so that the totals do not give a small neighbouring cell away; it may hold many people.
}
duplo-revealed-note = Careful: small cells are revealed. People almost alone in their cell can now be seen.
duplo-show-table = Show the table of numbers
duplo-total = Total
duplo-unique-title = Who is unique?
duplo-unique-explain = Someone is “unique” when nobody else in the room gave exactly the same answers: they could be recognised without knowing their name.
duplo-unique-questions = Questions crossed
duplo-role-quasi-identifier = quasi-identifier
duplo-role-opinion = opinion
duplo-unique-sentence = { $unique ->
    [0] nobody is alone in their combination of answers, out of { $respondents }.
    [one] person out of { $respondents } is alone in their combination of answers.
   *[other] people out of { $respondents } are alone in their combination of answers.
}
duplo-aloud-title = To read aloud
duplo-aloud-hint = These sentences speak of combinations and numbers, never of a person: none says which combination is alone. Do not read aloud the answers of a unique tower either.
aloud-alone-combinations = { $unique ->
    [one] { $unique } combination of answers is shared with nobody
   *[other] { $unique } combinations of answers are shared with nobody
}: { $questions ->
    [one] with a single question
   *[other] with only { $questions } questions
}, { $unique ->
    [one] { $unique } row of the table out of { $respondents } points to a single person.
   *[other] { $unique } rows of the table out of { $respondents } each point to a single person.
}
aloud-everyone-shares = With { $questions ->
    [one] this question
   *[other] these { $questions } questions
}, every combination of answers is shared by at least { $k } people: nobody is alone in their cell.
aloud-fewest-to-isolate = In this group, knowing { $answers ->
    [one] { $answers } answer
   *[other] { $answers } answers
} is enough to single out { $isolated ->
    [one] { $isolated } participant
   *[other] { $isolated } participants
} out of { $respondents }.
duplo-k-sentence = k-anonymity: the smallest group of people with identical answers. At 1, someone is alone.
duplo-next-question = Adding “{ $question }” would leave { $unique ->
    [0] nobody alone.
    [one] { $unique } person alone.
   *[other] { $unique } people alone.
}
duplo-progression = Unique people as questions are added
duplo-responses-title = Answers
duplo-no-response = No answer yet: use fast entry above.
duplo-responses-caption = The latest { $shown } answers out of { $total }, newest first
duplo-responses-caption-all = { $total ->
    [one] The only answer
   *[other] The { $total } answers, newest first
}
duplo-responses-closed = On the projector the list stays closed: each row shows all of one person's answers. Open it to correct or remove an answer.
duplo-number = No.
duplo-actions = Actions
duplo-edit = Edit
duplo-delete = Delete
duplo-edit-n = Edit participant { $participant }
duplo-delete-n = Delete participant { $participant }
duplo-show-all = Show all { $total } answers
duplo-show-recent = Show only the latest
duplo-survey-section = Edit the survey
duplo-town = Name of the town
duplo-classic-survey = Back to the classic survey
duplo-survey-title = Session title
duplo-question-n = Question { $n }
duplo-question-label = Wording
duplo-question-role = Role
duplo-question-up = Move question { $n } up
duplo-question-down = Move question { $n } down
duplo-question-remove = Remove question { $n }
duplo-choice-label = Wording of choice { $n } of question { $question }
duplo-choice-colour = Colour of choice { $n } of question { $question }
duplo-choice-up = Move choice { $n } of question { $question } up
duplo-choice-down = Move choice { $n } of question { $question } down
duplo-choice-remove = Remove choice { $n } of question { $question }
duplo-add-choice = Add a choice
duplo-add-kind = Kind of the new question
duplo-kind-choice = Free choices
duplo-kind-yes-no = Yes / no
duplo-kind-age-band = Age band
duplo-add-question = Add the question
duplo-survey-problems = The survey is not saved:
duplo-save-survey = Save the survey
duplo-discard-survey = Discard the changes
duplo-confirm-survey = { $lost ->
    [one] { $lost } answer already entered will be removed, because its question or choice goes away. Continue?
   *[other] { $lost } answers already entered will be removed, because their question or choice goes away. Continue?
}
duplo-files-title = Files
duplo-export-json = Export the session (JSON)
duplo-export-csv-semicolon = Export the answers (CSV, semicolon)
duplo-export-csv-comma = Export the answers (CSV, comma)
duplo-import = Import a session (JSON) or answers (CSV)
duplo-import-hint = A CSV needs one column per question, headed with the survey's wording. The file stays on this device.
duplo-new-session = New session (clear the answers)
duplo-confirm-replace = The current answers will be replaced by the file's. Continue?
duplo-confirm-new = Clear all answers and start a new session?

## Chart export
export-svg = SVG
export-png = PNG
export-svg-of = Save “{ $chart }” as SVG
export-png-of = Save “{ $chart }” as PNG
serve-store = cannot open the sessions database in { $path }
serve-database = cannot use the PostgreSQL database { $url }
serve-database-bad = “{ $url }” is not a PostgreSQL address (expected: postgres://user@host:port/database)
serve-database-shared = Live sessions in PostgreSQL ({ $url }): shared with the other Briques servers using this database.
serve-database-not-built = this build of Briques is the Quick start's (scripts/run), compiled without PostgreSQL: build the full version (cargo build --release -p briques) and use target/release/briques
migrate-done = { $sessions } session(s) copied from { $from } to { $to } ({ $participants } participant(s), { $answers } answer(s)).
migrate-same = The source and the destination are the same database.

## Live sessions: API errors and server pages
live-error-unknown-session = No live session has the code “{ $code }”. Check the code shown on the screen.
live-error-bad-code = “{ $code }” is not a session code (6 letters or digits, without 0, O, 1, I or L).
live-error-ended = This session has ended: answers are no longer accepted.
live-error-locked = This session is locked: the facilitator no longer accepts new participants.
live-error-unknown-question = This question is not in the session.
live-error-unknown-choice = This choice does not exist for this question.
live-error-closed = This question is closed for now: wait until the facilitator opens it again.
live-error-unknown-participant = Unknown participant: join the session first.
live-error-not-facilitator = Only the session's facilitator can do this (facilitation key missing or wrong).
live-error-rate = Too many requests from this device: wait a few seconds.
live-error-session-rate = This session is receiving too many answers at once: wait a few seconds.
live-error-bad-json = Unreadable request: { $detail }
live-error-storage = Cannot save to disk: { $detail }
live-error-bad-survey = Invalid survey: { $detail }
live-error-qr-url = This address is not one of the session's addresses.
live-error-export-format = Unknown export format: choose json or csv.
live-error-too-many-participants = This session already has { $max } participants, the maximum.
live-error-too-many-sessions = The server already holds { $max } live sessions, the maximum: delete an ended session or try again later.
live-error-creation-rate = Too many sessions created from this device: wait before creating another one.
live-error-join-rate = Too many participants joined from this device: wait a few seconds.
live-error-too-many-connections = Too many connections open from this device: close some tabs or wait a few seconds.
live-error-too-many-streams = Too many live views open from this device: close some of the session's tabs.
live-error-busy = The server is overloaded: try again in a few seconds.
live-error-mask-k = Invalid masking threshold ({ $value }): it must be between { $min } and { $max }. Below { $min }, no small cell would be masked.
live-error-content-type = This request must be sent as JSON (header Content-Type: application/json).
live-error-cross-site = Request refused: it comes from a page other than Briques.
live-error-too-large = Request too large: { $max } KiB at most.
live-error-bad-request = Invalid request: { $detail }
live-error-method = This API address does not accept this method.
live-error-timeout = The request arrived too slowly: try again.
live-error-no-route = This address does not exist in the live sessions API.
live-page-title = Live session
live-page-unknown = No live session has the code “{ $code }”. Check the code shown on the screen, or ask the facilitator.
live-page-ended = This session has ended: thank you for taking part! Answers are no longer accepted.

## Live sessions: app pages
nav-live = Live
live-title = Live session
live-intro = Participants answer from their phones, with no account or app to install; the projector shows the bricks piling up live.
live-join-title = Join a session
live-code-label = Code shown on the screen
live-join = Join
live-bad-code = This code does not look right: 6 letters or digits, like “K7QDXA”.
live-start-title = Run a live session
live-start-text = The session uses the Duplo page's survey. Phones on the same Wi-Fi join with the code or the QR code (start Briques with --addr 0.0.0.0:8080).
live-start = Start the live session
live-connecting = Connecting to the session…
live-offline = The server does not answer: your answer is not saved. Try again in a moment.
live-saved = Answer saved ✓
live-question-of = Question { $n } of { $total }
live-previous = Previous question
live-skip = Skip
live-thanks = Thank you!
live-answered = { $count ->
    [0] You have not answered any question yet.
    [one] You answered { $count } question out of { $total }. Your answer is saved.
   *[other] You answered { $count } questions out of { $total }. Your answers are saved.
}
live-change = Change my answers
live-results = The room's results
live-results-later = The facilitator will show the room's results.
live-ended = This session has ended. Thank you for taking part!
live-you-are = Session { $code } · you are participant { $participant } (no name is asked)
live-projector-title = Live session: facilitator's view
live-secret-label = Facilitation key of this session
live-secret-submit = Open
live-how-to-join = To answer
live-code-is = Session code: { $code }
live-qr-alt = QR code of the address { $url }
live-joined = { $answered ->
    [one] answered, out of { $joined } connected
   *[other] answered, out of { $joined } connected
}
live-controls = Facilitation
live-open-questions = Open questions (press to open or close)
live-reveal = Show the results to participants
live-lock = Lock (no new participants)
live-end = End the session
live-ended-facilitator = The session has ended: its answers can still be exported.
live-export-csv = Export as CSV
live-export-json = Export as JSON
live-delete = Delete the session and its answers
live-confirm-delete = Delete this session and all its answers for good?
live-confirm-remove = Remove the answers of participant { $participant }?
live-unreachable = The server does not answer ({ $detail }): check the connection, then try again.
live-bad-reply = The server's reply cannot be read ({ $detail }): reload the page. If it happens again, the server may not have the same version as the app.
live-secret-not-saved-address = The facilitation key could not be saved on this device: { $reason } Keep this page's address as it is, ending with “#cle=…” (as a bookmark, for example): it is what will let you run the session after closing the page.
live-secret-not-saved-typed = The facilitation key could not be saved on this device: { $reason } Keep it: you will have to type it again after closing or reloading the page.
live-token-not-saved = Your participant number could not be saved on this phone: { $reason } Keep this page open: if you reload it, you will join the session as a new participant.

## Budgets: import errors
budget-error-unknown-format = unrecognised format: Briques reads OFGL exports (CSV), TOTEM budget documents (XML) and comptes financiers uniques, SCDL budgets (CSV) and DGFiP balances comptables (CSV).
budget-error-binary = this file is binary: expected a CSV or XML file of budget data.
budget-error-xml = unreadable XML at position { $position }: { $detail }
budget-error-truncated-xml = truncated XML document: the element <{ $element }> is never closed (was the file cut while downloading?)
budget-error-missing-element = required element missing from the XML document: { $element }
budget-error-missing-column = required column missing: { $column } (check the separator: ; or ,)
budget-error-bad-field = line { $line }, field { $field }: { $problem }
budget-error-no-line = the file holds no budget line
budget-field-missing = required value missing
budget-field-year = unreadable year
budget-field-document = expected: budget primitif, budget supplémentaire, décision modificative, compte administratif or compte financier unique
budget-field-direction = expected: dépense or recette
budget-field-operation = expected: réel or ordre
budget-field-amount = unreadable amount (text, or a scientific notation such as 2.00054E+13 that lost digits: export the column as a number)
budget-warning-empty-required = { $count ->
    [one] { $field } is empty on { $count } line (line { $lines }): derived from the account's nature where possible, else left unknown
   *[other] { $field } is empty on { $count } lines (lines { $lines }): derived from the account's nature where possible, else left unknown
}
budget-warning-at-line = line { $line }: { $text }
budget-warning-year = unreadable exercice: row left out
budget-warning-amount = unreadable amount for “{ $aggregate }”: left out
budget-warning-siret = BGT_SIRET “{ $siret }” does not have 14 digits (mangled by a spreadsheet?): the collectivité is identified by its name
budget-warning-annexes = { $count ->
    [one] { $count } row of an annex budget left out (--annexes reads it)
   *[other] { $count } rows of annex budgets left out (--annexes reads them)
}
budget-warning-totals = { $count ->
    [one] { $count } chapter total line added by the enrichment left out
   *[other] { $count } chapter total lines added by the enrichment left out
}
budget-warning-incomplete = { $count ->
    [one] { $count } line without Nature or CodRD (D/R) left out
   *[other] { $count } lines without Nature or CodRD (D/R) left out
}

## Budgets: command line and indicators
budget-cli-bad-format = unknown format “{ $format }”: choose auto, ofgl, totem, scdl or dgfip
budget-cli-warning = warning: { $message }
budget-cli-warning-line = warning, line { $line }: { $message }
budget-cli-header = Year { $exercice } · { $document } · nomenclature { $nomenclature }
budget-cli-section = { $section }: spending { $depenses }, revenue { $recettes } (real operations of the year)
budget-section-fonctionnement = Operating section
budget-section-investissement = Investment section
budget-doc-bp = initial budget (budget primitif)
budget-doc-bs = supplementary budget
budget-doc-dm = budget amendment
budget-doc-ca = administrative account (compte administratif)
budget-doc-cfu = single financial account (compte financier unique)
budget-doc-comptes = published accounts
budget-years = { $years } years
budget-per-inhabitant = { $amount } per inhabitant
indicator-rrf = Real operating revenue
indicator-rrf-def = The money coming in each year to run the town: local taxes, State grants, service fees.
indicator-drf = Real operating spending
indicator-drf-def = What running the town costs each year: salaries, purchases, grants, interest on debt.
indicator-epargne-gestion = Management savings
indicator-epargne-gestion-def = What remains of operating revenue once day-to-day spending is paid, before interest on debt.
indicator-epargne-brute = Gross savings
indicator-epargne-brute-def = Operating revenue minus operating spending: what the town sets aside each year to repay debt and invest.
indicator-remboursement = Loan capital repaid
indicator-remboursement-def = The part of loans repaid during the year (interest excluded, already counted in operating spending).
indicator-epargne-nette = Net savings
indicator-epargne-nette-def = Gross savings once loan capital is repaid: what is left to fund investment without borrowing.
indicator-equipement = Capital spending
indicator-equipement-def = What the town invests in its own assets: buildings, roads, equipment, works in progress.
indicator-encours = Outstanding debt
indicator-encours-def = Everything the town still owes lenders on 31 December.
indicator-desendettement = Debt repayment capacity
indicator-desendettement-def = The number of years it would take to repay all the debt using all gross savings.

## Budgets: categories for citizens
category-personnel = Staff
category-personnel-def = Salaries and contributions of the town's staff (schools, technical services, reception, municipal police…) and staff made available to it: all of chapter 012.
category-achats = Purchases and services
category-achats-def = Energy, water, supplies, building maintenance, insurance, services bought from companies and taxes paid by the town: chapter 011.
category-subventions-associations = Grants to associations
category-subventions-associations-def = Money given to the town's sports, cultural and social associations.
category-autres-charges = Other contributions
category-autres-charges-def = Elected officials' allowances, the contribution to the fire service, grants to other bodies.
category-interets = Interest on debt
category-interets-def = What loans cost each year, on top of repaying the capital.
category-autres-depenses = Other operating spending
category-autres-depenses-def = Revenue paid back, exceptional charges and provisions.
category-impots-locaux = Local taxes
category-impots-locaux-def = Property taxes (and the housing tax on second homes) paid by residents and businesses.
category-autres-impots = Other taxes and transfers
category-autres-impots-def = Taxes on property sales and electricity, and what the intercommunality passes back to the town.
category-dotations = State grants
category-dotations-def = Money paid by the State, mainly the general operating grant (DGF), and contributions from other authorities.
category-services = Services paid by users
category-services-def = Fees for the canteen, after-school care, swimming pool, cemetery plots…
category-autres-recettes = Other operating revenue
category-autres-recettes-def = Rents, financial and exceptional income, refunds received.
category-equipement = Equipment and works
category-equipement-def = Investment in the town's own assets: buildings, roads, equipment, studies.
category-subventions-equipement = Equipment grants paid
category-subventions-equipement-def = Money given to others so that they invest: social housing, intercommunality, associations.
category-remboursement = Loan repayment
category-remboursement-def = The part of loan capital repaid during the year.
category-emprunts = New loans
category-emprunts-def = Money borrowed during the year to fund investment.
category-fctva = VAT refund and investment funds
category-fctva-def = The State's refund of part of the VAT paid on investment, the development tax and savings set aside.
category-subventions-recues = Investment grants received
category-subventions-recues-def = Money received from the State, region or département to help fund a facility.
category-autres-investissement = Other investment operations
category-autres-investissement-def = Stakes in organisations, loans and guarantees.

## Budgets: from M14 to M57 (fonctions)
crosswalk-note-0 = General services: compare with care, M57 also puts here operations that M14 spread elsewhere.
crosswalk-note-1 = Security: directly comparable.
crosswalk-note-2 = Education: directly comparable.
crosswalk-note-3 = Culture: in M57 it is grouped with social life, youth, sport and leisure; do not compare it alone.
crosswalk-note-4 = Sport and youth: in M57 grouped with culture and social life; do not compare them alone.
crosswalk-note-5 = Social work and health: in M57 grouped with family in “Health and social action”.
crosswalk-note-6 = Family: in M57 counted in “Health and social action”.
crosswalk-note-7 = Housing: in M57 grouped with planning in “Territorial planning and housing”.
crosswalk-note-8 = Planning, urban services, environment: M57 splits them between planning, environment and transport; no direct comparison.
crosswalk-note-9 = Economic action: directly comparable.
budget-cli-categories = By category (real operations of the year):
budget-cli-spent = spent
budget-cli-received = received
budget-prepare-failed = the preparation failed: { $detail }
budget-prepare-not-built = this command is in a build of Briques with the national preparation (polars), longer to compile: run scripts/build-national (or cargo build --release -p briques --features national), then target/release/briques budget prepare …
budget-prepare-done = { $communes } communes prepared ({ $lines } lines, { $population } with their population) in { $out }
home-live-title = Answer from your phone
home-live-text = The Duplo exercise live: everyone answers on their phone with a code or a QR code, the projector shows the bricks in real time.

## Storage on the device (local storage)
storage-error-full = the browser's storage is full. Nothing on screen is lost: export or note what matters before closing the page.
storage-error-unavailable = this browser does not allow saving on the device (private browsing or storage disabled). Nothing on screen is lost: export or note what matters before closing the page.
page-loading = Loading the page…
duplo-protect-no-quasi = Tick at least one question marked “quasi-identifier” above to see what the groups give away.
duplo-protect-more = … and { $count } more groups in the same case.
duplo-protect-title = Protect the answers: merge, stop publishing, remove
duplo-protect-explain = Each step applies to a copy: the room's answers do not change, and “Undo” goes back. The figures below are those of the answers so protected.
duplo-protect-l = smallest ℓ: the fewest different answers in a group of at least 2 people
duplo-protect-step-merge = “{ $question }”: { $count } choices merged into “{ $label }”
duplo-protect-step-drop = “{ $question }” is no longer published
duplo-protect-step-remove = The people still unique are removed
duplo-protect-undo = Undo the last step
duplo-protect-question = Merge choices of the question
duplo-protect-choose = (choose a question)
duplo-protect-choices = Choices to merge (at least two)
duplo-protect-label = Name of the merged choice
duplo-protect-merge = Merge these choices
duplo-protect-drop = Stop publishing “{ $question }”
duplo-protect-remove = Remove the people still unique
duplo-population-title = In the room you are 1 in 1. And in your commune?
duplo-population-explain = Choose the commune (or type its population): Briques estimates how many of its inhabitants give the same answers as the room's groups, and how many are the only ones with their date of birth and sex. Nothing is sent: it is computed on this device.
duplo-population-commune = Commune
duplo-population-or-typed = or its population
duplo-population-typed = this commune
duplo-population-sweeney = of the { $population } inhabitants of { $place } are, by this estimate, the only ones with their full date of birth and sex: with the commune's name, that is enough to find them. In the United States, Latanya Sweeney estimated at 87 % the share of people alone with their date of birth, sex and ZIP code (an estimate; Philippe Golle found 63 % in 2006 on later data).
duplo-population-estimate = “{ $answers }”: { $room } in the room; about { $count } in { $place } (1 inhabitant in { $one_in }) and { $france } in France
duplo-population-unknown = “{ $answers }”: { $room } in the room; no estimate (one of these answers has no published distribution, or the person does not live in the commune)
duplo-population-assumptions = Assumptions: the commune has France's age pyramid and share of women and men (INSEE, 2018 census, table POP1B, France entière); ages are spread evenly within each 5-year band, birthdays over the year; answers are independent of each other.
linkage-no-name = This file has no “Nom” column: it cannot put a name on the answers.
linkage-no-shared = No column of this file matches a question ticked as a quasi-identifier (same label as the question).
linkage-title = The linkage: a published file puts a name on the answers
linkage-explain = A published file (here a fictional register of 60 invented inhabitants) gives each one's name, gender, age and where they live. Joined with the room's answers on the questions they share, it puts a name on every answer that matches only one of its people. No real name: the register is invented, and nothing is kept.
linkage-register = Join with the fictional register
linkage-file = or with another published file (CSV, a “Nom” column)
linkage-register-failed = The fictional register could not be loaded (no connection to the server?).
linkage-named = { $room ->
    [one] answer of the room now carries a name (of 1)
   *[other] answers of the room, of { $room }, now carry a name
}
linkage-details = “{ $file }”: { $published } named people, joined on { $columns }. { $narrowed } other answers leave only 2 to 5 possible names; { $unmatched } match nobody in the file.
linkage-not-csv = This file is not a CSV table (a spreadsheet or a binary file?): save it as CSV.
serve-already-running = Briques is already running on { $url }: open that address in the browser (nothing was started again).
serve-desktop = The app opens in your browser. Only this computer sees it: for a live session, the presenter view's "Open Briques to the phones on the Wi-Fi" button gives the address and QR code the phones on the same Wi-Fi use. To stop Briques, close this window (or Ctrl+C).
