## Ateliers en direct par étapes (core/src/live/steps.rs, le serveur, les vues animateur et écran)

step-error-question = la question est vide ou trop longue (300 caractères au plus)
step-error-guess-answer = l'estimation n'a pas de vrai chiffre, ou il sort des bornes
step-error-guess-bounds = les bornes de l'estimation sont invalides (le minimum doit être sous le maximum)
step-error-text = un texte est trop long
step-error-vote-choices = un vote propose de 2 à 8 réponses
step-error-vote-correct = la bonne réponse du vote n'est pas l'une des réponses proposées
step-error-vote-data = les graphiques d'un vote doivent venir d'un fichier d'atelier (/workshops/…)
step-error-mayor-base = le budget de départ de « Si j'étais maire » est invalide
live-error-bad-steps = Étape { $step } invalide : { $detail }
live-error-too-many-steps = Trop d'étapes : { $max } au plus.
live-error-unknown-step = Cette étape n'existe pas dans la session.
live-error-invalid-input = Cette réponse ne convient pas à l'étape (hors des bornes, trop longue ou d'un autre type).
step-csv-answer = Réponse
step-csv-group = Groupe
step-csv-impots = Impôts locaux (%)
step-csv-equipement = Équipement (%)
step-csv-emprunt = Emprunt (€)
step-csv-hidden = Masquée
step-csv-yes = oui
step-csv-no = non
step-kind-duplo = Questionnaire Duplo
step-kind-guess = Estimer, puis voir
step-kind-vote = Honnête ou trompeur ?
step-kind-words = Un mot pour finir
step-kind-mayor = Si j'étais maire, par groupes
