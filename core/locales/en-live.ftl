## Live workshops in steps (core/src/live/steps.rs, the server, the presenter and screen views)

step-error-question = the question is empty or too long (300 characters at most)
step-error-guess-answer = the estimate has no real figure, or it is out of bounds
step-error-guess-bounds = the estimate's bounds are invalid (the minimum must be below the maximum)
step-error-text = a text is too long
step-error-vote-choices = a vote offers 2 to 8 answers
step-error-vote-correct = the vote's right answer is not one of its answers
step-error-vote-data = a vote's charts must come from a workshop's data file (pack/file.csv)
step-error-mayor-base = the starting budget of "If I were mayor" is invalid
live-error-bad-steps = Step { $step } is invalid: { $detail }
live-error-too-many-steps = Too many steps: { $max } at most.
live-error-unknown-step = This step does not exist in the session.
live-error-invalid-input = This answer does not fit the step (out of bounds, too long or of another kind).
step-csv-answer = Answer
step-csv-group = Group
step-csv-impots = Tax rise (tokens)
step-csv-imprevu = Unforeseen card
step-csv-rules = Rules broken
step-csv-tokens = { $poste } (tokens)
step-csv-hidden = Hidden
step-csv-yes = yes
step-csv-no = no
step-kind-duplo = Duplo survey
step-kind-guess = Guess, then see
step-kind-vote = Honest or misleading?
step-kind-words = One word to finish
step-kind-mayor = If I were mayor, in groups
plan-words-question = In one word: what do you take away from this workshop?
plan-vote-question = Which of these two charts is misleading?
plan-vote-a = Chart A
plan-vote-b = Chart B
plan-vote-neither = Neither
plan-guess-schools = Out of 100 € spent by the commune, how much goes to schools?
plan-guess-schools-source = { $commune }, accounts of { $year }
plan-mayor-commune = { $commune }, budget { $year }
step-of = Step { $n } of { $total }
step-answers = { $count ->
    [0] No answer yet
    [one] 1 answer
   *[other] { $count } answers
}
step-median = The room's median: { $value }
step-real = The real figure: { $value }
step-source = Source: { $source }
step-bin = from { $from } to { $to }
step-histogram = How the room's guesses spread
step-votes = The room's votes
step-right = right answer
step-chart = Chart { $letter }
step-chart-loading = Preparing the charts…
step-chart-missing = The charts of this vote cannot be drawn: { $detail }
step-words-empty = The room's words will show here.
step-mayor-line = Line (tokens)
step-mayor-actual = Actual budget
step-mayor-average = Groups' average
step-mayor-taxes = Tax rise (tokens)
step-mayor-card = Unforeseen card
step-mayor-rules = Rules
step-mayor-ok = Kept
step-mayor-no-groups = No group has proposed a budget yet.
step-problem-equilibre = not balanced
step-problem-interets = interest changed
step-problem-autofinancement = self-financing too low
step-problem-baisse = a cut of more than 3 tokens
step-problem-impot = tax rise too high
step-problem-imprevu = unforeseen card not absorbed
live-export-step = CSV of step { $n }
live-loopback-only = Phones cannot join yet: Briques listens on this computer only.
live-open-network = Open Briques to the phones on the Wi-Fi
live-open-network-hint = The computer and the phones must be on the same Wi-Fi (a "guest" network that isolates devices will not do). The address to give will show here, with its QR code. To open it from the start: "briques serve --addr 0.0.0.0:8080".
presenter-preview = Projected screen (preview)
presenter-preview-frame = Live preview of the projected screen
presenter-open-screen = Open the projected screen in a new window (move it to the projector, full screen with F11)
presenter-steps = Steps of the workshop
presenter-previous = Previous step
presenter-next = Next step
presenter-close-step = Close this step's answers
presenter-shortcuts = Shortcuts: Page Down or Alt+→ for the next step, Page Up or Alt+← for the previous one, Alt+R to show or hide the results (a presentation remote sends Page Down and Page Up).
presenter-screen = The projected screen shows
presenter-moderation = Answers received (hide before showing)
presenter-hide = Hide
presenter-hide-answer = Hide the answer of participant no. { $participant }
screen-join = How to join
screen-step = The current step
screen-towers = The brick towers
screen-crosstab = The cross-tab
screen-unique = Who is unique?
screen-title = Projected screen
screen-heading = Session { $code } · step { $n } of { $total }
screen-join-lead = To take part, point your phone's camera at the QR code, or type the address:
ateliers-launch-live = Run the whole workshop live
ateliers-live-starting = Creating the live session…
mayor-live-title = Play live, in groups
mayor-live-text = Each group joins the session with the code, on its phone or tablet, chooses a name, moves the sliders and sends its budget (it may send it again while the step is open). The projected screen shows the groups side by side with the actual budget, their average and the rules each one breaks. Briques must run with "briques serve".
mayor-live-start = Start live with this commune
live-error-network-local = Only this computer can open Briques to the network.
live-error-network-none = No network found: this computer is on no Wi-Fi (or the network refuses listening). Check the connection, then try again.
live-error-network-unavailable = This server cannot open itself to the network: start it again with "briques serve --addr 0.0.0.0:8080".

## Live sessions: the participant's page (rendered by the server, without the app)
live-phone-noscript = This page needs JavaScript to send your answers.
live-phone-step-of = Step { $n } of { $total }
live-phone-reconnecting = Connection to the server lost: reconnecting… Your saved answers are kept.
live-phone-offline = The server does not answer: your answer is not saved yet. It will be sent as soon as the connection is back; you may also press again.
live-phone-gone = This session no longer exists: the facilitator deleted it.
live-phone-waiting = No question is open for now: wait for the facilitator.
live-phone-answered = Answers saved: { $count } of { $total }.
live-phone-closed = Answers to this step are closed.
live-phone-send = Send
live-phone-your-answer = Your answer: { $answer }
live-phone-guess-label = Your estimate
live-phone-guess-range = A number between { $min } and { $max }.
live-phone-guess-invalid = This is not a number between { $min } and { $max }: type it in digits, for example 24 or 24.5.
live-phone-guess-answer = The real figure: { $answer }
live-phone-guess-source = Source: { $source }
live-phone-guess-median = Median of the room's estimates: { $median }
live-phone-bin = from { $from } to { $to }
live-phone-count = Answers received: { $count }
live-phone-vote-correct = right answer
live-phone-words-label = Your answer ({ $max } characters at most)
live-phone-words-empty = Type a word or a short phrase before sending.
live-phone-words-results = The room's words
live-phone-mayor-intro = You are the town council of { $commune }. Choose your group's name, change the spending and the levers, then send your proposal.
live-phone-mayor-send = Send the group's proposal
live-phone-mayor-sent = Proposal of the group “{ $group }” sent ✓
live-phone-mayor-yours = The proposal your group sent
live-phone-mayor-room = What the calculation finds for your group
live-phone-problem-fonctionnement = The operating section is in deficit.
live-phone-problem-remboursement = Savings do not cover the loan repayments.
live-phone-problem-investissement = Investments are not fully financed.
live-phone-problem-emprunt = Too much borrowing for these choices.
live-phone-unique = People alone in their combination of answers: { $unique } of { $respondents }.
game-phone-reel = actual: { $tokens }

## Moving debate (core/src/live/steps/debate.rs, the presenter and screen views, the phone page)

step-kind-debate = Moving debate
step-csv-before = Before the debate
step-csv-after = After the debate
debate-stance-agree = Agree
debate-stance-disagree = Disagree
debate-stance-undecided = No opinion
debate-phase-before = Before the debate
debate-phase-after = After the debate
debate-phase = Debate phase
debate-both = { $count ->
    [0] Nobody has answered both before and after yet
    [one] 1 person answered before and after
   *[other] { $count } people answered before and after
}
debate-changed = { $count ->
    [0] Nobody changed sides
    [one] 1 person changed sides
   *[other] { $count } people changed sides
}
debate-chart = The room's positions before and after the debate, and who changed sides
debate-column = { $phase }: { $count }
debate-move = { $from } → { $to }: { $count }
debate-moves = Changes of side
debate-moves-later = The changes of side will show when you reveal the results.
debate-landmark = Landmark: { $note }
live-phone-debate-before = Before the debate: where do you stand?
live-phone-debate-after = After the debate: where do you stand now?
live-phone-debate-was = Before the debate, you were: { $answer }
live-phone-debate-changed = Changed sides: { $count }
