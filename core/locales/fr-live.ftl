## Ateliers en direct par étapes (core/src/live/steps.rs, le serveur, les vues animateur et écran)

step-error-question = la question est vide ou trop longue (300 caractères au plus)
step-error-guess-answer = l'estimation n'a pas de vrai chiffre, ou il sort des bornes
step-error-guess-bounds = les bornes de l'estimation sont invalides (le minimum doit être sous le maximum)
step-error-text = un texte est trop long
step-error-vote-choices = un vote propose de 2 à 8 réponses
step-error-vote-correct = la bonne réponse du vote n'est pas l'une des réponses proposées
step-error-vote-data = les graphiques d'un vote doivent venir d'un fichier de données d'un atelier (atelier/fichier.csv)
step-error-mayor-base = le budget de départ de « Si j'étais maire » est invalide
live-error-bad-steps = Étape { $step } invalide : { $detail }
live-error-too-many-steps = Trop d'étapes : { $max } au plus.
live-error-unknown-step = Cette étape n'existe pas dans la session.
live-error-invalid-input = Cette réponse ne convient pas à l'étape (hors des bornes, trop longue ou d'un autre type).
step-csv-answer = Réponse
step-csv-group = Groupe
step-csv-impots = Hausse d'impôt (jetons)
step-csv-imprevu = Carte imprévu
step-csv-rules = Règles non respectées
step-csv-tokens = { $poste } (jetons)
step-csv-hidden = Masquée
step-csv-yes = oui
step-csv-no = non
step-kind-duplo = Questionnaire Duplo
step-kind-guess = Estimer, puis voir
step-kind-vote = Honnête ou trompeur ?
step-kind-words = Un mot pour finir
step-kind-mayor = Si j'étais maire, par groupes
plan-words-question = En un mot : qu'emportez-vous de cet atelier ?
plan-vote-question = Lequel de ces deux graphiques est trompeur ?
plan-vote-a = Le graphique A
plan-vote-b = Le graphique B
plan-vote-neither = Aucun des deux
plan-guess-schools = Sur 100 € dépensés par la commune, combien pour les écoles ?
plan-guess-schools-source = { $commune }, compte administratif { $year }
plan-mayor-commune = { $commune }, budget { $year }
step-of = Étape { $n } sur { $total }
step-answers = { $count ->
    [0] Aucune réponse pour l'instant
    [one] 1 réponse
   *[other] { $count } réponses
}
step-median = Médiane de la salle : { $value }
step-real = Le vrai chiffre : { $value }
step-source = Source : { $source }
step-bin = de { $from } à { $to }
step-histogram = Répartition des estimations de la salle
step-votes = Votes de la salle
step-right = bonne réponse
step-chart = Graphique { $letter }
step-chart-loading = Graphiques en préparation…
step-chart-missing = Les graphiques de ce vote ne peuvent pas être dessinés : { $detail }
step-words-empty = Les mots de la salle s'afficheront ici.
step-mayor-line = Poste (jetons)
step-mayor-actual = Budget réel
step-mayor-average = Moyenne des groupes
step-mayor-taxes = Hausse d'impôt (jetons)
step-mayor-card = Carte imprévu
step-mayor-rules = Règles
step-mayor-ok = Tenu
step-mayor-no-groups = Aucun groupe n'a encore proposé de budget.
step-problem-equilibre = pas à l'équilibre
step-problem-interets = intérêts modifiés
step-problem-autofinancement = autofinancement trop bas
step-problem-baisse = baisse de plus de 3 jetons
step-problem-impot = hausse d'impôt trop forte
step-problem-imprevu = carte imprévu non absorbée
live-export-step = CSV de l'étape { $n }
live-loopback-only = Les téléphones ne peuvent pas encore rejoindre : Briques n'écoute que sur cet ordinateur.
live-open-network = Ouvrir Briques aux téléphones du Wi-Fi
live-open-network-hint = L'ordinateur et les téléphones doivent être sur le même Wi-Fi (un réseau « invités » qui isole les appareils ne convient pas). L'adresse à donner s'affichera ici, avec son QR code. Pour ouvrir dès le démarrage : « briques serve --addr 0.0.0.0:8080 ».
presenter-preview = Écran projeté (aperçu)
presenter-preview-frame = Aperçu en direct de l'écran projeté
presenter-open-screen = Ouvrir l'écran projeté dans une nouvelle fenêtre (à placer sur le vidéoprojecteur, en plein écran avec F11)
presenter-steps = Étapes de l'atelier
presenter-previous = Étape précédente
presenter-next = Étape suivante
presenter-close-step = Fermer les réponses de cette étape
presenter-shortcuts = Raccourcis : Page suivante ou Alt+→ pour l'étape suivante, Page précédente ou Alt+← pour la précédente, Alt+R pour montrer ou cacher les résultats (une télécommande de présentation envoie Page suivante et Page précédente).
presenter-screen = L'écran projeté montre
presenter-moderation = Réponses reçues (masquer avant d'afficher)
presenter-hide = Masquer
presenter-hide-answer = Masquer la réponse du participant n° { $participant }
screen-join = Comment rejoindre
screen-step = L'étape en cours
screen-towers = Les tours de briques
screen-crosstab = Le tableau croisé
screen-unique = Qui est unique ?
screen-title = Écran projeté
screen-heading = Session { $code } · étape { $n } sur { $total }
screen-join-lead = Pour participer, ouvrez l'appareil photo de votre téléphone sur le QR code, ou tapez l'adresse :
ateliers-launch-live = Lancer tout l'atelier en direct
ateliers-live-starting = Création de la session en direct…
mayor-live-title = Jouer en direct, par groupes
mayor-live-text = Chaque groupe rejoint la session avec le code, sur son téléphone ou sa tablette, choisit un nom, bouge les curseurs et envoie son budget (il peut le renvoyer tant que l'étape est ouverte). L'écran projeté montre les groupes côte à côte avec le budget réel, leur moyenne et les règles que chacun enfreint. Il faut que Briques tourne avec « briques serve ».
mayor-live-start = Lancer en direct avec cette commune
live-error-network-local = Seul cet ordinateur peut ouvrir Briques au réseau.
live-error-network-none = Aucun réseau trouvé : cet ordinateur n'est relié à aucun Wi-Fi (ou le réseau refuse l'écoute). Vérifiez la connexion, puis réessayez.
live-error-network-unavailable = Ce serveur ne peut pas s'ouvrir au réseau de lui-même : relancez-le avec « briques serve --addr 0.0.0.0:8080 ».

## Sessions en direct : la page du participant (rendue par le serveur, sans l'application)
live-phone-noscript = Cette page a besoin de JavaScript pour envoyer vos réponses.
live-phone-step-of = Étape { $n } sur { $total }
live-phone-reconnecting = Connexion au serveur perdue : reconnexion en cours… Vos réponses déjà enregistrées sont gardées.
live-phone-offline = Le serveur ne répond pas : votre réponse n'est pas encore enregistrée. Elle sera envoyée dès le retour de la connexion ; vous pouvez aussi appuyer de nouveau.
live-phone-gone = Cette session n'existe plus : l'animateur l'a supprimée.
live-phone-waiting = Aucune question n'est ouverte pour le moment : attendez l'animateur.
live-phone-answered = Réponses enregistrées : { $count } sur { $total }.
live-phone-closed = Les réponses à cette étape sont fermées.
live-phone-send = Envoyer
live-phone-your-answer = Votre réponse : { $answer }
live-phone-guess-label = Votre estimation
live-phone-guess-range = Un nombre entre { $min } et { $max }.
live-phone-guess-invalid = Ce n'est pas un nombre entre { $min } et { $max } : tapez-le en chiffres, par exemple 24 ou 24,5.
live-phone-guess-answer = La vraie valeur : { $answer }
live-phone-guess-source = Source : { $source }
live-phone-guess-median = Médiane des estimations de la salle : { $median }
live-phone-bin = de { $from } à { $to }
live-phone-count = Réponses reçues : { $count }
live-phone-vote-correct = bonne réponse
live-phone-words-label = Votre réponse ({ $max } caractères au plus)
live-phone-words-empty = Tapez un mot ou une courte phrase avant d'envoyer.
live-phone-words-results = Les mots de la salle
live-phone-mayor-intro = Vous êtes l'équipe municipale de { $commune }. Choisissez le nom de votre groupe, modifiez les dépenses et les leviers, puis envoyez votre proposition.
live-phone-mayor-send = Envoyer la proposition du groupe
live-phone-mayor-sent = Proposition du groupe « { $group } » envoyée ✓
live-phone-mayor-yours = La proposition envoyée par votre groupe
live-phone-mayor-room = Ce que le calcul relève pour votre groupe
live-phone-problem-fonctionnement = La section de fonctionnement est en déficit.
live-phone-problem-remboursement = L'épargne ne couvre pas le remboursement des emprunts.
live-phone-problem-investissement = Les investissements ne sont pas entièrement financés.
live-phone-problem-emprunt = Trop d'emprunts pour ces choix.
live-phone-unique = Personnes seules dans leur combinaison de réponses : { $unique } sur { $respondents }.
game-phone-reel = réel : { $tokens }

## Débat mouvant (core/src/live/steps/debate.rs, the presenter and screen views, the phone page)

step-kind-debate = Débat mouvant
step-csv-before = Avant le débat
step-csv-after = Après le débat
debate-stance-agree = D'accord
debate-stance-disagree = Pas d'accord
debate-stance-undecided = Sans avis
debate-phase-before = Avant le débat
debate-phase-after = Après le débat
debate-phase = Phase du débat
debate-both = { $count ->
    [0] Personne n'a encore répondu avant et après
    [one] 1 personne a répondu avant et après
   *[other] { $count } personnes ont répondu avant et après
}
debate-changed = { $count ->
    [0] Personne n'a changé de côté
    [one] 1 personne a changé de côté
   *[other] { $count } personnes ont changé de côté
}
debate-chart = Les positions de la salle avant et après le débat, et qui a changé de côté
debate-column = { $phase } : { $count }
debate-move = { $from } → { $to } : { $count }
debate-moves = Changements de côté
debate-moves-later = Les changements de côté s'afficheront quand vous révélerez les résultats.
debate-landmark = Repère : { $note }
live-phone-debate-before = Avant le débat : quelle est votre position ?
live-phone-debate-after = Après le débat : quelle est votre position maintenant ?
live-phone-debate-was = Avant le débat, vous étiez : { $answer }
live-phone-debate-changed = Ont changé de côté : { $count }
