## Live workshops in steps (core/src/live/steps.rs, the server, the presenter and screen views)

step-error-question = the question is empty or too long (300 characters at most)
step-error-guess-answer = the estimate has no real figure, or it is out of bounds
step-error-guess-bounds = the estimate's bounds are invalid (the minimum must be below the maximum)
step-error-text = a text is too long
step-error-vote-choices = a vote offers 2 to 8 answers
step-error-vote-correct = the vote's right answer is not one of its answers
step-error-vote-data = a vote's charts must come from a workshop file (/workshops/…)
step-error-mayor-base = the starting budget of "If I were mayor" is invalid
live-error-bad-steps = Step { $step } is invalid: { $detail }
live-error-too-many-steps = Too many steps: { $max } at most.
live-error-unknown-step = This step does not exist in the session.
live-error-invalid-input = This answer does not fit the step (out of bounds, too long or of another kind).
step-csv-answer = Answer
step-csv-group = Group
step-csv-impots = Local taxes (%)
step-csv-equipement = Equipment (%)
step-csv-emprunt = Loan (€)
step-csv-hidden = Hidden
step-csv-yes = yes
step-csv-no = no
step-kind-duplo = Duplo survey
step-kind-guess = Guess, then see
step-kind-vote = Honest or misleading?
step-kind-words = One word to finish
step-kind-mayor = If I were mayor, in groups
