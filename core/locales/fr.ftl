# Catalogue français (langue par défaut de Briques).
# Chaque clé existe aussi dans en.ftl, avec les mêmes variables.

## Coquille de l'application
app-name = Briques
app-tagline = Ateliers de médiation aux données
skip-to-content = Aller au contenu
nav-label = Navigation principale
nav-home = Accueil
nav-duplo = Duplo
nav-budget = Budget
nav-data = Données
nav-workshops = Ateliers
settings-label = Réglages d'affichage
lang-label = Langue
lang-fr = Français
lang-en = English
projector-toggle = Mode projecteur
projector-shortcut = Raccourci : Alt+P
footer-text = Briques est un logiciel libre. Vos données restent sur cet appareil : aucun compte, aucun pistage.
page-title = { $page } — Briques

## Accueil
home-title = Bienvenue dans Briques
home-intro = Des ateliers pour comprendre les données : les vôtres, celles de votre commune, celles que publient les services publics.
home-duplo-title = Les données en Duplo
home-duplo-text = Chaque personne répond à quelques questions anodines ; on croise les réponses et on découvre qui devient unique dans la salle.
home-budget-title = Le budget de ma commune
home-budget-text = D'où vient l'argent de la commune, où va-t-il, et que signifient les mots de la comptabilité publique ?
home-data-title = Lire et construire un graphique
home-data-text = Ouvrir un fichier de données ouvertes, comprendre ses colonnes et construire un graphique honnête.
home-workshops-title = Ateliers prêts à l'emploi
home-workshops-text = Des fiches pour animer, minutées, avec le matériel et les questions de bilan.
home-open = Ouvrir

## Pages en préparation
budget-title = Le budget de ma commune
data-title = Lire et construire un graphique
workshops-title = Ateliers

## Page introuvable
not-found-title = Page introuvable
not-found-text = L'adresse « { $path } » ne correspond à aucune page de Briques.
not-found-back = Revenir à l'accueil

## Questionnaire Duplo (contenu par défaut)
survey-default-title = Les données en Duplo
survey-default-town = la commune
survey-q-cheese = Fromage ou dessert ?
survey-cheese = Fromage
survey-dessert = Dessert
survey-q-sweet = Sucré ou salé ?
survey-sweet = Sucré
survey-salty = Salé
survey-q-gender = Genre
survey-woman = Femme
survey-man = Homme
survey-other-gender = Autre ou ne se prononce pas
survey-q-town = Habitez-vous { $town } ?
survey-yes = Oui
survey-no = Non
survey-new-question = Nouvelle question
survey-new-yes-no = Nouvelle question oui / non
survey-choice-a = Choix A
survey-choice-b = Choix B
survey-new-choice = Nouveau choix
survey-age-question = Tranche d'âge
survey-age-under-18 = Moins de 18 ans
survey-age-18-29 = 18 à 29 ans
survey-age-30-44 = 30 à 44 ans
survey-age-45-59 = 45 à 59 ans
survey-age-60-74 = 60 à 74 ans
survey-age-75-plus = 75 ans et plus

## Couleurs des briques
colour-orange = orange
colour-sky-blue = bleu ciel
colour-bluish-green = vert
colour-yellow = jaune
colour-blue = bleu
colour-vermillion = vermillon
colour-reddish-purple = rose
colour-grey = gris

## Erreurs du questionnaire
survey-error-no-question = le questionnaire n'a aucune question
survey-error-too-many-questions = le questionnaire a { $count } questions : { $max } au plus
survey-error-label-too-long = « { $start } » est trop long : { $max } caractères au plus par intitulé ou identifiant
survey-error-empty-question = la question n° { $position } n'a pas d'intitulé
survey-error-duplicate-question = deux questions ont le même identifiant « { $id } »
survey-error-choice-count = la question « { $question } » a { $count } choix ; il en faut entre 2 et 8
survey-error-empty-choice = un choix de la question « { $question } » n'a pas d'intitulé
survey-error-duplicate-choice = deux choix de la question « { $question } » ont le même identifiant « { $id } »
survey-error-unknown-question = la question « { $id } » n'existe pas dans le questionnaire
survey-error-unknown-choice = « { $choice } » n'est pas un choix de la question « { $question } »
survey-error-unknown-participant = aucun participant n° { $participant }

## Qui est trahi par son groupe ? (ℓ-diversité) et généralisation
survey-l-diversity-title = Qui est trahi par son groupe ?
survey-l-diversity-explain = Sans être seul, on peut être trahi par son groupe : quand toutes les personnes aux mêmes réponses sur les questions croisées ont donné la même opinion, savoir qu'une personne en fait partie suffit à connaître son opinion. ℓ est le plus petit nombre de réponses différentes dans un groupe d'au moins 2 personnes (une absence de réponse ne compte pas).
survey-l-diversity = « { $question } » : ℓ = { $l }, { $l ->
    [one] au moins un groupe a donné une seule et même réponse
   *[other] chaque groupe a donné au moins { $l } réponses différentes
}
survey-l-diversity-none = « { $question } » : aucun groupe d'au moins 2 personnes n'y a répondu, ℓ n'est pas défini
survey-homogeneous = Les { $size } personnes « { $quasi } » ont toutes répondu « { $answer } » à « { $question } »
survey-homogeneous-skipped = Les { $size } personnes « { $quasi } » ont répondu « { $answer } » à « { $question } » ou n'y ont pas répondu ({ $skipped } sans réponse)
survey-no-homogeneous = Aucun groupe n'a répondu d'une seule voix.
survey-loss-title = Ce que la protection a coûté
survey-loss-summary = { $merged ->
    [0] aucune réponse regroupée
    [one] { $merged } réponse fondue dans un regroupement
   *[other] { $merged } réponses fondues dans un regroupement
}, { $suppressed ->
    [0] aucune réponse effacée
    [one] { $suppressed } réponse effacée
   *[other] { $suppressed } réponses effacées
}, { $removed ->
    [0] aucun participant retiré
    [one] { $removed } participant retiré
   *[other] { $removed } participants retirés
}
survey-loss-figure = Perte d'information : { $share } des { $answers } réponses d'origine ne disent plus ce qu'elles disaient
survey-loss-explain = La perte d'information est la part des réponses d'origine fondues avec d'autres choix dans un regroupement, ou effacées avec une question ou une personne retirée.
plan-place-merge = regroupement n° { $n } (« merge »)
plan-place-drop = question retirée n° { $n } (« drop »)
plan-error-json = ce plan n'est pas du JSON attendu (ligne { $line }, colonne { $column }) : { $detail }
plan-error-too-large = le plan nomme { $count } questions et choix : { $max } au plus
plan-error-unknown-question = { $place } : « { $name } » n'est ni une question ni une colonne du fichier
plan-error-unknown-choice = { $place } : « { $name } » n'est pas un choix de la question « { $question } »
plan-error-too-few-choices = { $place } : il faut au moins 2 choix à regrouper
plan-error-choice-twice = { $place } : le choix « { $choice } » de la question « { $question } » est déjà regroupé
plan-error-empty-label = { $place } : le nouveau choix n'a pas d'intitulé (« label »)
plan-error-label-too-long = { $place } : l'intitulé du nouveau choix dépasse { $max } caractères
plan-error-label-taken = { $place } : « { $label } » est déjà l'intitulé d'un autre choix de la question « { $question } »
plan-error-whole-question = { $place } : regrouper tous les choix de « { $question } » n'en laisserait qu'un ; retirez plutôt la question (« drop »)
plan-error-merged-and-dropped = { $place } : la question « { $question } » est aussi retirée par le plan
plan-error-drops-everything = le plan retire toutes les questions : il n'en resterait aucune à analyser

## Import de fichiers de session et de réponses
csv-participant = Participant
import-error-json = ce fichier n'est pas du JSON valide (ligne { $line }, colonne { $column }) : { $detail }
import-error-not-session = ce fichier n'est pas une session Duplo de Briques (champ « format » attendu : « briques-duplo »)
import-error-newer = cette session a été enregistrée par une version plus récente de Briques (version { $version })
import-error-survey = le questionnaire du fichier est invalide : { $detail }
import-error-response = participant n° { $participant } : { $detail }
import-error-duplicate-participant = le participant n° { $participant } apparaît deux fois
import-error-empty = le fichier est vide
import-error-unknown-column = colonne { $column } « { $name } » : aucune question ne porte ce nom
import-error-duplicate-column = colonne { $column } « { $name } » : cette question a déjà une colonne
import-error-unknown-value = ligne { $line }, colonne « { $question } » : « { $value } » n'est pas un choix possible ({ $expected })
import-error-bad-participant = ligne { $line } : « { $value } » n'est pas un numéro de participant
import-error-too-many-values = colonne « { $name } » : { $count } valeurs différentes, trop pour une question (254 au plus) ; est-ce un identifiant ?
import-error-ragged = ligne { $line } : { $found } cellules alors que l'en-tête a { $expected } colonnes
csv-irregular-line = ligne { $line } : { $what }
csv-irregular-backslash-quote = guillemet précédé d'une barre oblique inverse (\"), lu comme un guillemet
csv-irregular-spaces-around-quotes = espaces autour d'une cellule entre guillemets, ignorées
csv-irregular-text-after-quote = texte après un guillemet fermant, gardé dans la cellule
csv-irregular-stray-quote = guillemet mal placé, lue quand même
csv-irregular-unclosed-quote = guillemet jamais refermé, lu comme un caractère
csv-more-irregular = { $count ->
    [one] et { $count } autre ligne irrégulière, lue quand même
   *[other] et { $count } autres lignes irrégulières, lues quand même
}
csv-title-lines = { $count ->
    [one] { $count } ligne de titre ignorée avant l'en-tête
   *[other] { $count } lignes de titre ignorées avant l'en-tête
}
csv-repeated-headers = { $count ->
    [one] { $count } ligne d'en-tête répétée dans les données, ignorée
   *[other] { $count } lignes d'en-tête répétées dans les données, ignorées
}
csv-error-other-encoding = ce fichier semble écrit dans un autre alphabet, en { $script } : Briques lit l'UTF-8, l'UTF-16 et le Windows-1252 (Latin-1). Enregistrez-le en UTF-8 (« CSV UTF-8 » dans le tableur), puis rouvrez-le.
csv-script-cyrillic = cyrillique (encodage Windows-1251 ou KOI8-R)
csv-script-japanese = japonais (encodage Shift_JIS)
csv-script-chinese = chinois (encodage GBK, GB2312 ou Big5)

## Ligne de commande
cli-error = briques : erreur : { $message }
cli-cannot-read = impossible de lire { $path }
cli-spreadsheet-file = ce fichier est un classeur (xlsx, ods ou xls), pas un CSV : ouvrez-le dans votre tableur et enregistrez-le au format CSV
cli-binary-file = ce fichier n'est pas du texte (il contient des octets nuls) : attendu un CSV ou une session JSON
cli-unknown-quasi = « { $name } » n'est ni une colonne ni une question du fichier (disponibles : { $known })
cli-no-question = le fichier ne contient aucune question à analyser
cli-respondents = { $count ->
    [0] Aucun participant
    [one] { $count } participant
   *[other] { $count } participants
}
cli-tallies = Réponses par question
cli-no-answer = sans réponse
cli-crosstab = Croisement : { $rows } (lignes) × { $columns } (colonnes)
cli-total = Total
cli-unique-title = Qui est unique ?
cli-unique-step = { $question } : { $unique ->
    [0] personne n'est seul dans sa combinaison
    [one] { $unique } personne seule dans sa combinaison
   *[other] { $unique } personnes seules dans leur combinaison
} sur { $respondents } ({ $share }), k = { $k }
cli-unique-summary = Au total : { $unique ->
    [one] { $unique } participant unique
   *[other] { $unique } participants uniques
} sur { $respondents } ; { $classes ->
    [one] { $classes } combinaison
   *[other] { $classes } combinaisons
} ; k-anonymat = { $k }
cli-next-question = La question qui isolerait le plus de monde si on l'ajoutait : { $question } ({ $unique ->
    [one] { $unique } unique
   *[other] { $unique } uniques
})
serve-not-built = l'application n'est pas construite : { $path } est introuvable. Lancez d'abord scripts/build-app (ou scripts/run, qui le fait).
serve-data-dir = impossible de créer le dossier de données { $path }
serve-runtime = impossible de démarrer le moteur asynchrone
serve-bind = impossible d'écouter sur { $addr } (port déjà pris ?)
serve-ready = Briques est prêt sur { $url } (données : { $data })
serve-bad-addr = adresse invalide : « { $addr } » (attendu : IP:PORT, par exemple 127.0.0.1:8080)

## Page Duplo
duplo-intro = Chaque personne répond à quelques questions anodines. On empile les briques, on croise les réponses, et on regarde qui devient reconnaissable.
duplo-entry-title = Saisie rapide
duplo-keys-hint = Touches, dès l'ouverture de la page (hors des champs de saisie) : 1 à 8 pour répondre, 0 pour passer la question, Entrée pour le participant suivant, Retour arrière pour effacer, Échap pour abandonner la saisie, Ctrl+Z pour annuler ; dans ce cadre, les flèches changent de question. Sur un bouton, Entrée et Espace l'activent.
duplo-page-keys = Touches actives sur toute la page (décochez si elles gênent une aide technique : elles ne marcheront alors que dans ce cadre)
duplo-participant = Participant n° { $participant }
duplo-editing = Modification du participant n° { $participant }
duplo-next = Participant suivant (Entrée)
duplo-save-edit = Enregistrer la modification (Entrée)
duplo-undo = Annuler (Ctrl+Z)
duplo-cancel-draft = Abandonner la saisie (Échap)
duplo-count-title = Nombre de participants
duplo-participants = { $count ->
    [one] participant
   *[other] participants
}
duplo-answers = { $count ->
    [0] Aucune réponse pour l'instant.
    [one] { $count } réponse en tout.
   *[other] { $count } réponses en tout.
}
duplo-notice-saved = Participant n° { $participant } enregistré.
duplo-notice-updated = Participant n° { $participant } modifié.
duplo-notice-deleted = Participant n° { $participant } supprimé (Ctrl+Z pour annuler).
duplo-notice-undone = Dernière modification annulée.
duplo-notice-nothing-to-undo = Rien à annuler.
duplo-notice-imported = { $count ->
    [0] Fichier importé : aucune réponse.
    [one] Fichier importé : { $count } réponse.
   *[other] Fichier importé : { $count } réponses.
}
duplo-notice-survey = { $lost ->
    [0] Questionnaire enregistré.
    [one] Questionnaire enregistré ; { $lost } réponse a été retirée.
   *[other] Questionnaire enregistré ; { $lost } réponses ont été retirées.
}
duplo-notice-new = Nouvelle session : les réponses précédentes ont été effacées (Ctrl+Z pour annuler).
duplo-notice-error = Impossible : { $message }
duplo-views-title = Les briques
duplo-towers = Tours de briques
duplo-towers-of = Tours de briques : { $question }
duplo-towers-question = Question
duplo-colour-by = Couleur des briques selon
duplo-colour-none = la même question
duplo-brick-unit = Une brique représente { $count } personnes.
duplo-legend = Couleurs : { $question }
duplo-no-answer = sans réponse
duplo-bars = Réponses par question
duplo-stacked = Répartition en pourcentage
duplo-cross-section = Croiser deux questions
duplo-cross-title = Tableau croisé
duplo-cross-rows = Lignes
duplo-cross-cols = Colonnes
duplo-cross-needs-two = Il faut au moins deux questions pour croiser les réponses.
duplo-mask-k = Masquer les cases de moins de
duplo-reveal = Révéler les petites cases
duplo-masked = < { $k }
duplo-masked-explained = < { $k } (moins de { $k } personnes)
duplo-hidden = masqué
duplo-hidden-explained = masqué (pour protéger une petite case voisine)
duplo-masked-note = { $k ->
    [one] Aucune case n'est masquée.
   *[other] « < { $k } » : moins de { $k } personnes, masqué pour que personne ne soit reconnu à l'écran. « masqué » : case cachée en plus, pour que les totaux ne permettent pas de retrouver une petite case voisine ; elle peut compter beaucoup de monde.
}
duplo-revealed-note = Attention : les petites cases sont révélées. On voit maintenant des personnes presque seules dans leur case.
duplo-show-table = Voir le tableau des nombres
duplo-total = Total
duplo-unique-title = Qui est unique ?
duplo-unique-explain = Une personne est « unique » quand personne d'autre dans la salle n'a donné exactement les mêmes réponses : on pourrait la reconnaître sans connaître son nom.
duplo-unique-questions = Questions croisées
duplo-role-quasi-identifier = quasi-identifiant
duplo-role-opinion = opinion
duplo-unique-sentence = { $unique ->
    [0] personne n'est seul dans sa combinaison de réponses, sur { $respondents }.
    [one] personne sur { $respondents } est seule dans sa combinaison de réponses.
   *[other] personnes sur { $respondents } sont seules dans leur combinaison de réponses.
}
duplo-aloud-title = À lire à voix haute
duplo-aloud-hint = Ces phrases parlent de combinaisons et de nombres, jamais d'une personne : aucune ne dit quelle combinaison est seule. Ne lisez pas non plus à voix haute les réponses d'une tour unique.
aloud-alone-combinations = { $unique ->
    [one] { $unique } combinaison de réponses n'est partagée avec personne
   *[other] { $unique } combinaisons de réponses ne sont partagées avec personne
} : { $questions ->
    [one] avec une seule question
   *[other] avec seulement { $questions } questions
}, { $unique ->
    [one] { $unique } ligne du tableau sur { $respondents } désigne une seule personne.
   *[other] { $unique } lignes du tableau sur { $respondents } désignent chacune une seule personne.
}
aloud-everyone-shares = Avec { $questions ->
    [one] cette question
   *[other] ces { $questions } questions
}, chaque combinaison de réponses est partagée par au moins { $k } personnes : personne n'est seul dans sa case.
aloud-fewest-to-isolate = Dans ce groupe, connaître { $answers ->
    [one] { $answers } réponse
   *[other] { $answers } réponses
} suffit pour isoler { $isolated ->
    [one] { $isolated } participant
   *[other] { $isolated } participants
} sur { $respondents }.
duplo-k-sentence = k-anonymat : le plus petit groupe de personnes aux réponses identiques. À 1, quelqu'un est seul.
duplo-next-question = Si l'on ajoutait « { $question } », { $unique ->
    [0] personne ne serait seul.
    [one] { $unique } personne serait seule.
   *[other] { $unique } personnes seraient seules.
}
duplo-progression = Personnes uniques à mesure qu'on ajoute des questions
duplo-responses-title = Réponses
duplo-no-response = Aucune réponse pour l'instant : utilisez la saisie rapide ci-dessus.
duplo-responses-caption = Les { $shown } dernières réponses sur { $total }, de la plus récente à la plus ancienne
duplo-responses-caption-all = { $total ->
    [one] La seule réponse
   *[other] Les { $total } réponses, de la plus récente à la plus ancienne
}
duplo-responses-closed = Au projecteur, la liste reste fermée : chaque ligne montre toutes les réponses d'une personne. Ouvrez-la pour corriger ou retirer une réponse.
duplo-number = N°
duplo-actions = Actions
duplo-edit = Modifier
duplo-delete = Supprimer
duplo-edit-n = Modifier le participant n° { $participant }
duplo-delete-n = Supprimer le participant n° { $participant }
duplo-show-all = Afficher les { $total } réponses
duplo-show-recent = N'afficher que les dernières
duplo-survey-section = Modifier le questionnaire
duplo-town = Nom de la commune
duplo-classic-survey = Revenir au questionnaire classique
duplo-survey-title = Titre de la session
duplo-question-n = Question { $n }
duplo-question-label = Intitulé
duplo-question-role = Rôle
duplo-question-up = Monter la question { $n }
duplo-question-down = Descendre la question { $n }
duplo-question-remove = Supprimer la question { $n }
duplo-choice-label = Intitulé du choix { $n } de la question { $question }
duplo-choice-colour = Couleur du choix { $n } de la question { $question }
duplo-choice-up = Monter le choix { $n } de la question { $question }
duplo-choice-down = Descendre le choix { $n } de la question { $question }
duplo-choice-remove = Supprimer le choix { $n } de la question { $question }
duplo-add-choice = Ajouter un choix
duplo-add-kind = Type de la nouvelle question
duplo-kind-choice = Choix libres
duplo-kind-yes-no = Oui / non
duplo-kind-age-band = Tranche d'âge
duplo-add-question = Ajouter la question
duplo-survey-problems = Le questionnaire n'est pas enregistré :
duplo-save-survey = Enregistrer le questionnaire
duplo-discard-survey = Annuler les modifications
duplo-confirm-survey = { $lost ->
    [one] { $lost } réponse déjà saisie sera retirée, car sa question ou son choix disparaît. Continuer ?
   *[other] { $lost } réponses déjà saisies seront retirées, car leur question ou leur choix disparaît. Continuer ?
}
duplo-files-title = Fichiers
duplo-export-json = Exporter la session (JSON)
duplo-export-csv-semicolon = Exporter les réponses (CSV, point-virgule)
duplo-export-csv-comma = Exporter les réponses (CSV, virgule)
duplo-import = Importer une session (JSON) ou des réponses (CSV)
duplo-import-hint = Un CSV doit avoir une colonne par question, avec les intitulés du questionnaire en en-tête. Le fichier reste sur cet appareil.
duplo-new-session = Nouvelle session (effacer les réponses)
duplo-confirm-replace = Les réponses actuelles seront remplacées par celles du fichier. Continuer ?
duplo-confirm-new = Effacer toutes les réponses et commencer une nouvelle session ?

## Export des graphiques
export-svg = SVG
export-png = PNG
export-svg-of = Enregistrer « { $chart } » en SVG
export-png-of = Enregistrer « { $chart } » en PNG
serve-store = impossible d'ouvrir la base de données des sessions dans { $path }
serve-database = impossible d'utiliser la base PostgreSQL { $url }
serve-database-bad = « { $url } » n'est pas une adresse PostgreSQL (attendu : postgres://utilisateur@hôte:port/base)
serve-database-shared = Sessions en direct dans PostgreSQL ({ $url }) : partagées avec les autres serveurs Briques reliés à cette base.
serve-database-not-built = cette version de Briques est celle du démarrage rapide (scripts/run), compilée sans PostgreSQL : compilez la version complète (cargo build --release -p briques) et utilisez target/release/briques
migrate-done = { $sessions } session(s) copiée(s) de { $from } vers { $to } ({ $participants } participant(s), { $answers } réponse(s)).
migrate-same = La source et la destination sont la même base.

## Sessions en direct : erreurs de l'API et pages du serveur
live-error-unknown-session = Aucune session en direct ne porte le code « { $code } ». Vérifiez le code affiché au tableau.
live-error-bad-code = « { $code } » n'est pas un code de session (6 lettres ou chiffres, sans 0, O, 1, I ni L).
live-error-ended = Cette session est terminée : les réponses ne sont plus acceptées.
live-error-locked = Cette session est verrouillée : l'animateur n'accepte plus de nouveaux participants.
live-error-unknown-question = Cette question n'existe pas dans la session.
live-error-unknown-choice = Ce choix n'existe pas pour cette question.
live-error-closed = Cette question est fermée pour le moment : attendez que l'animateur la rouvre.
live-error-unknown-participant = Participant inconnu : rejoignez d'abord la session.
live-error-not-facilitator = Action réservée à l'animateur de la session (clé d'animation absente ou fausse).
live-error-rate = Trop de requêtes depuis cet appareil : patientez quelques secondes.
live-error-session-rate = Cette session reçoit trop de réponses à la fois : patientez quelques secondes.
live-error-bad-json = Requête illisible : { $detail }
live-error-storage = Impossible d'enregistrer sur le disque : { $detail }
live-error-bad-survey = Questionnaire invalide : { $detail }
live-error-qr-url = Cette adresse n'est pas une adresse de la session.
live-error-export-format = Format d'export inconnu : choisissez json ou csv.
live-error-too-many-participants = Cette session accueille déjà { $max } participants, le maximum.
live-error-too-many-sessions = Le serveur accueille déjà { $max } sessions en direct, le maximum : supprimez une session terminée ou réessayez plus tard.
live-error-creation-rate = Trop de sessions créées depuis cet appareil : patientez avant d'en créer une autre.
live-error-join-rate = Trop de participants inscrits depuis cet appareil : patientez quelques secondes.
live-error-too-many-connections = Trop de connexions ouvertes depuis cet appareil : fermez des onglets ou patientez quelques secondes.
live-error-too-many-streams = Trop de suivis en direct ouverts depuis cet appareil : fermez des onglets de la session.
live-error-busy = Le serveur est saturé : réessayez dans quelques secondes.
live-error-mask-k = Seuil de masquage invalide ({ $value }) : il doit être entre { $min } et { $max }. En dessous de { $min }, aucune petite case ne serait masquée.
live-error-content-type = Cette requête doit être envoyée en JSON (en-tête Content-Type: application/json).
live-error-cross-site = Requête refusée : elle vient d'une autre page que Briques.
live-error-too-large = Requête trop volumineuse : { $max } Kio au plus.
live-error-bad-request = Requête invalide : { $detail }
live-error-method = Cette adresse de l'API n'accepte pas cette méthode.
live-error-timeout = La requête est arrivée trop lentement : réessayez.
live-error-no-route = Cette adresse n'existe pas dans l'API des sessions en direct.
live-page-title = Session en direct
live-page-unknown = Aucune session en direct ne porte le code « { $code } ». Vérifiez le code affiché au tableau, ou demandez-le à l'animateur.
live-page-ended = Cette session est terminée : merci de votre participation ! Les réponses ne sont plus acceptées.

## Sessions en direct : pages de l'application
nav-live = En direct
live-title = Session en direct
live-intro = Les participants répondent depuis leur téléphone, sans compte ni application à installer ; le vidéoprojecteur montre les briques qui s'empilent en direct.
live-join-title = Rejoindre une session
live-code-label = Code affiché au tableau
live-join = Rejoindre
live-bad-code = Ce code n'a pas la bonne forme : 6 lettres ou chiffres, comme « K7QDXA ».
live-start-title = Animer une session en direct
live-start-text = La session utilise le questionnaire de la page Duplo. Les téléphones du même réseau Wi-Fi la rejoignent avec le code ou le QR code (lancez Briques avec --addr 0.0.0.0:8080).
live-start = Lancer la session en direct
live-connecting = Connexion à la session…
live-offline = Le serveur ne répond pas : votre réponse n'est pas enregistrée. Réessayez dans un instant.
live-saved = Réponse enregistrée ✓
live-question-of = Question { $n } sur { $total }
live-previous = Question précédente
live-skip = Passer
live-thanks = Merci !
live-answered = { $count ->
    [0] Vous n'avez répondu à aucune question pour l'instant.
    [one] Vous avez répondu à { $count } question sur { $total }. Votre réponse est enregistrée.
   *[other] Vous avez répondu à { $count } questions sur { $total }. Vos réponses sont enregistrées.
}
live-change = Modifier mes réponses
live-results = Résultats de la salle
live-results-later = L'animateur affichera les résultats de la salle.
live-ended = Cette session est terminée. Merci de votre participation !
live-you-are = Session { $code } · vous êtes le participant n° { $participant } (aucun nom n'est demandé)
live-projector-title = Session en direct : vue de l'animateur
live-secret-label = Clé d'animation de cette session
live-secret-submit = Ouvrir
live-how-to-join = Pour répondre
live-code-is = Code de la session : { $code }
live-qr-alt = QR code de l'adresse { $url }
live-joined = { $answered ->
    [one] a répondu, sur { $joined ->
        [one] { $joined } connecté
       *[other] { $joined } connectés
    }
   *[other] ont répondu, sur { $joined } connectés
}
live-controls = Animation
live-open-questions = Questions ouvertes (appuyez pour ouvrir ou fermer)
live-reveal = Montrer les résultats aux participants
live-lock = Verrouiller (plus de nouveaux participants)
live-end = Terminer la session
live-ended-facilitator = La session est terminée : les réponses restent exportables.
live-export-csv = Exporter en CSV
live-export-json = Exporter en JSON
live-delete = Supprimer la session et ses réponses
live-confirm-delete = Supprimer définitivement cette session et toutes ses réponses ?
live-confirm-remove = Retirer les réponses du participant n° { $participant } ?
live-unreachable = Le serveur ne répond pas ({ $detail }) : vérifiez la connexion, puis réessayez.
live-bad-reply = La réponse du serveur est illisible ({ $detail }) : rechargez la page. Si cela recommence, le serveur n'a peut-être pas la même version que l'application.
live-secret-not-saved-address = La clé d'animation n'a pas pu être enregistrée sur cet appareil : { $reason } Gardez l'adresse de cette page telle quelle, avec sa fin « #cle=… » (en favori par exemple) : c'est elle qui vous permettra d'animer la session après avoir fermé la page.
live-secret-not-saved-typed = La clé d'animation n'a pas pu être enregistrée sur cet appareil : { $reason } Gardez-la : il faudra la saisir de nouveau après avoir fermé ou rechargé la page.
live-token-not-saved = Votre numéro de participant n'a pas pu être enregistré sur ce téléphone : { $reason } Gardez cette page ouverte : si vous la rechargez, vous rejoindrez la session comme un nouveau participant.

## Budgets : erreurs d'import
budget-error-unknown-format = format non reconnu : Briques lit les exports de l'OFGL (CSV), les documents budgétaires TOTEM (XML) et comptes financiers uniques, les budgets au format SCDL (CSV) et les balances comptables de la DGFiP (CSV).
budget-error-binary = ce fichier est binaire : attendu un fichier CSV ou XML de données budgétaires.
budget-error-xml = XML illisible à la position { $position } : { $detail }
budget-error-truncated-xml = document XML tronqué : l'élément <{ $element }> n'est jamais fermé (le fichier a-t-il été coupé au téléchargement ?)
budget-error-missing-element = élément obligatoire absent du document XML : { $element }
budget-error-missing-column = colonne obligatoire absente : { $column } (vérifiez le séparateur : ; ou ,)
budget-error-bad-field = ligne { $line }, champ { $field } : { $problem }
budget-error-no-line = le fichier ne contient aucune ligne budgétaire
budget-field-missing = valeur obligatoire absente
budget-field-year = année illisible
budget-field-document = attendu : budget primitif, budget supplémentaire, décision modificative, compte administratif ou compte financier unique
budget-field-direction = attendu : dépense ou recette
budget-field-operation = attendu : réel ou ordre
budget-field-amount = montant illisible (texte, ou notation scientifique comme 2,00054E+13 qui a perdu des chiffres : exportez la colonne en nombre)
budget-warning-empty-required = { $count ->
    [one] { $field } est vide sur { $count } ligne (ligne { $lines }) : déduit de la nature du compte quand c'est possible, sinon laissé inconnu
   *[other] { $field } est vide sur { $count } lignes (lignes { $lines }) : déduit de la nature du compte quand c'est possible, sinon laissé inconnu
}
budget-warning-at-line = ligne { $line } : { $text }
budget-warning-year = exercice illisible : ligne ignorée
budget-warning-amount = montant illisible pour « { $aggregate } » : ignoré
budget-warning-siret = BGT_SIRET « { $siret } » n'a pas 14 chiffres (déformé par un tableur ?) : la collectivité est identifiée par son nom
budget-warning-annexes = { $count ->
    [one] { $count } ligne de budget annexe ignorée (--annexes pour la lire)
   *[other] { $count } lignes de budgets annexes ignorées (--annexes pour les lire)
}
budget-warning-totals = { $count ->
    [one] { $count } ligne de total de chapitre ajoutée par l'enrichissement ignorée
   *[other] { $count } lignes de total de chapitre ajoutées par l'enrichissement ignorées
}
budget-warning-incomplete = { $count ->
    [one] { $count } ligne sans Nature ou sans CodRD (D/R) ignorée
   *[other] { $count } lignes sans Nature ou sans CodRD (D/R) ignorées
}

## Budgets : ligne de commande et indicateurs
budget-cli-bad-format = format « { $format } » inconnu : choisissez auto, ofgl, totem, scdl ou dgfip
budget-cli-warning = attention : { $message }
budget-cli-warning-line = attention, ligne { $line } : { $message }
budget-cli-header = Exercice { $exercice } · { $document } · nomenclature { $nomenclature }
budget-cli-section = { $section } : dépenses { $depenses }, recettes { $recettes } (opérations réelles de l'année)
budget-section-fonctionnement = Fonctionnement
budget-section-investissement = Investissement
budget-doc-bp = budget primitif
budget-doc-bs = budget supplémentaire
budget-doc-dm = décision modificative
budget-doc-ca = compte administratif
budget-doc-cfu = compte financier unique
budget-doc-comptes = comptes publiés
budget-years = { $years } ans
budget-per-inhabitant = { $amount } par habitant
indicator-rrf = Recettes réelles de fonctionnement
indicator-rrf-def = L'argent qui rentre chaque année pour faire tourner la commune : impôts locaux, dotations de l'État, tarifs des services.
indicator-drf = Dépenses réelles de fonctionnement
indicator-drf-def = Ce que coûte chaque année le fonctionnement courant : salaires, achats, subventions, intérêts de la dette.
indicator-epargne-gestion = Épargne de gestion
indicator-epargne-gestion-def = Ce qui reste des recettes de fonctionnement une fois payées les dépenses courantes, avant les intérêts de la dette.
indicator-epargne-brute = Épargne brute
indicator-epargne-brute-def = Recettes moins dépenses de fonctionnement : ce que la commune dégage chaque année pour rembourser sa dette et investir.
indicator-remboursement = Remboursement du capital des emprunts
indicator-remboursement-def = La part des emprunts remboursée dans l'année (hors intérêts, déjà comptés en fonctionnement).
indicator-epargne-nette = Épargne nette
indicator-epargne-nette-def = L'épargne brute une fois le capital des emprunts remboursé : ce qui reste pour financer les investissements sans emprunter.
indicator-equipement = Dépenses d'équipement
indicator-equipement-def = Ce que la commune investit dans ses propres biens : bâtiments, voirie, matériel, travaux en cours.
indicator-encours = Encours de dette
indicator-encours-def = Tout ce que la commune doit encore aux prêteurs au 31 décembre.
indicator-desendettement = Capacité de désendettement
indicator-desendettement-def = Le nombre d'années qu'il faudrait pour rembourser toute la dette en y consacrant toute l'épargne brute.

## Budgets : catégories pour les citoyens
category-personnel = Personnel
category-personnel-def = Les salaires et cotisations des agents de la commune (écoles, services techniques, accueil, police municipale…) et le personnel mis à disposition : tout le chapitre 012.
category-achats = Achats et services
category-achats-def = L'énergie, l'eau, les fournitures, l'entretien des bâtiments, les assurances, les prestations achetées à des entreprises et les taxes payées par la commune : le chapitre 011.
category-subventions-associations = Subventions aux associations
category-subventions-associations-def = L'argent versé aux associations sportives, culturelles, sociales de la commune.
category-autres-charges = Autres contributions
category-autres-charges-def = Les indemnités des élus, la participation au service d'incendie, les subventions à d'autres organismes.
category-interets = Intérêts de la dette
category-interets-def = Ce que coûtent chaque année les emprunts, en plus du remboursement du capital.
category-autres-depenses = Autres dépenses de fonctionnement
category-autres-depenses-def = Les reversements de recettes, les charges exceptionnelles et les provisions.
category-impots-locaux = Impôts locaux
category-impots-locaux-def = Les taxes foncières (et la taxe d'habitation sur les résidences secondaires) payées par les habitants et les entreprises.
category-autres-impots = Autres impôts et reversements
category-autres-impots-def = Les taxes sur les ventes immobilières, l'électricité, et ce que l'intercommunalité reverse à la commune.
category-dotations = Dotations de l'État
category-dotations-def = L'argent versé par l'État, surtout la dotation globale de fonctionnement (DGF), et les participations d'autres collectivités.
category-services = Services payés par les usagers
category-services-def = Les tarifs de la cantine, de la garderie, de la piscine, des concessions au cimetière…
category-autres-recettes = Autres recettes de fonctionnement
category-autres-recettes-def = Les loyers, les produits financiers et exceptionnels, les remboursements reçus.
category-equipement = Équipements et travaux
category-equipement-def = Les investissements dans les biens de la commune : bâtiments, voirie, matériel, études.
category-subventions-equipement = Subventions d'équipement versées
category-subventions-equipement-def = L'argent donné à d'autres pour qu'ils investissent : logement social, intercommunalité, associations.
category-remboursement = Remboursement des emprunts
category-remboursement-def = La part du capital des emprunts remboursée dans l'année.
category-emprunts = Nouveaux emprunts
category-emprunts-def = L'argent emprunté dans l'année pour financer des investissements.
category-fctva = FCTVA et fonds d'investissement
category-fctva-def = Le remboursement par l'État d'une partie de la TVA payée sur les investissements, la taxe d'aménagement et l'épargne mise de côté.
category-subventions-recues = Subventions d'investissement reçues
category-subventions-recues-def = L'argent reçu de l'État, de la région, du département pour aider à financer un équipement.
category-autres-investissement = Autres opérations d'investissement
category-autres-investissement-def = Les participations dans des organismes, les prêts et cautions.

## Budgets : passage de la M14 à la M57 (fonctions)
crosswalk-note-0 = Services généraux : comparable avec prudence, la M57 y range aussi des opérations que la M14 ventilait ailleurs.
crosswalk-note-1 = Sécurité : comparable directement.
crosswalk-note-2 = Enseignement : comparable directement.
crosswalk-note-3 = Culture : en M57, elle est regroupée avec la vie sociale, la jeunesse, le sport et les loisirs ; ne pas comparer seule.
crosswalk-note-4 = Sport et jeunesse : en M57, regroupés avec la culture et la vie sociale ; ne pas comparer seuls.
crosswalk-note-5 = Interventions sociales et santé : en M57, regroupées avec la famille dans « Santé et action sociale ».
crosswalk-note-6 = Famille : en M57, comptée dans « Santé et action sociale ».
crosswalk-note-7 = Logement : en M57, regroupé avec l'aménagement dans « Aménagement des territoires et habitat ».
crosswalk-note-8 = Aménagement, services urbains, environnement : la M57 les répartit entre aménagement, environnement et transports ; pas de comparaison directe.
crosswalk-note-9 = Action économique : comparable directement.
budget-cli-categories = Par catégorie (opérations réelles de l'année) :
budget-cli-spent = dépensé
budget-cli-received = reçu
budget-prepare-failed = la préparation a échoué : { $detail }
budget-prepare-not-built = cette commande est dans une version de Briques compilée avec la préparation nationale (polars), plus longue à compiler : lancez scripts/build-national (ou cargo build --release -p briques --features national), puis target/release/briques budget prepare …
budget-prepare-done = { $communes } communes préparées ({ $lines } lignes, { $population } avec leur population) dans { $out }
home-live-title = Répondre depuis son téléphone
home-live-text = L'exercice Duplo en direct : chacun répond sur son téléphone avec un code ou un QR code, le vidéoprojecteur montre les briques en temps réel.

## Storage on the device (local storage)
storage-error-full = le stockage du navigateur est plein. Rien n'est perdu à l'écran : exportez ou notez ce qui compte avant de fermer la page.
storage-error-unavailable = ce navigateur n'autorise pas l'enregistrement sur l'appareil (navigation privée ou stockage désactivé). Rien n'est perdu à l'écran : exportez ou notez ce qui compte avant de fermer la page.
page-loading = Chargement de la page…
duplo-protect-no-quasi = Cochez au moins une question marquée « quasi-identifiant » ci-dessus pour voir ce que les groupes révèlent.
duplo-protect-more = … et { $count } autres groupes dans le même cas.
duplo-protect-title = Protéger les réponses : regrouper, ne plus publier, retirer
duplo-protect-explain = Chaque étape s'applique à une copie : les réponses de la salle ne changent pas, et « Annuler » revient en arrière. Les chiffres ci-dessous sont ceux des réponses ainsi protégées.
duplo-protect-l = plus petit ℓ : le moins de réponses différentes dans un groupe d'au moins 2 personnes
duplo-protect-step-merge = « { $question } » : { $count } choix regroupés en « { $label } »
duplo-protect-step-drop = « { $question } » n'est plus publiée
duplo-protect-step-remove = Les personnes encore uniques sont retirées
duplo-protect-undo = Annuler la dernière étape
duplo-protect-question = Regrouper des choix de la question
duplo-protect-choose = (choisir une question)
duplo-protect-choices = Choix à regrouper (au moins deux)
duplo-protect-label = Nom du choix regroupé
duplo-protect-merge = Regrouper ces choix
duplo-protect-drop = Ne plus publier « { $question } »
duplo-protect-remove = Retirer les personnes encore uniques
duplo-population-title = Dans la salle, vous êtes 1 sur 1. Et dans votre commune ?
duplo-population-explain = Choisissez la commune (ou tapez sa population) : Briques estime combien de ses habitants ont les mêmes réponses que les groupes de la salle, et combien sont les seuls à avoir leur date de naissance et leur sexe. Rien n'est envoyé : le calcul se fait sur cet appareil.
duplo-population-commune = Commune
duplo-population-or-typed = ou sa population
duplo-population-typed = cette commune
duplo-population-sweeney = des { $population } habitants de { $place } sont, selon l'estimation, les seuls à avoir leur date de naissance complète et leur sexe : avec le nom de la commune, cela suffit à les retrouver. Aux États-Unis, Latanya Sweeney estimait ainsi à 87 % la part des habitants seuls avec leur date de naissance, leur sexe et leur code postal (une estimation ; Philippe Golle trouvait 63 % en 2006 sur des données plus récentes).
duplo-population-estimate = « { $answers } » : { $room } dans la salle ; environ { $count } à { $place } (1 habitant sur { $one_in }) et { $france } en France
duplo-population-unknown = « { $answers } » : { $room } dans la salle ; pas d'estimation (une de ces réponses n'a pas de répartition publiée, ou la personne n'habite pas la commune)
duplo-population-assumptions = Hypothèses : la commune a la même pyramide des âges et la même répartition femmes-hommes que la France (Insee, recensement 2018, tableau POP1B, France entière) ; les âges sont répartis également dans chaque tranche de 5 ans, les anniversaires sur l'année ; les réponses sont indépendantes entre elles.
linkage-no-name = Ce fichier n'a pas de colonne « Nom » : il ne peut pas donner de nom aux réponses.
linkage-no-shared = Aucune colonne de ce fichier ne correspond à une question cochée comme quasi-identifiant (même intitulé que la question).
linkage-title = Le croisement : un fichier publié met un nom sur les réponses
linkage-explain = Un fichier publié (ici un registre fictif de 60 habitants inventés) donne le nom, le genre, l'âge et le lieu de vie de chacun. Croisé avec les réponses de la salle sur les questions qu'ils ont en commun, il met un nom sur toute réponse qui ne correspond qu'à une seule de ses personnes. Aucun nom réel : le registre est inventé, et rien n'est gardé.
linkage-register = Croiser avec le registre fictif
linkage-file = ou avec un autre fichier publié (CSV, une colonne « Nom »)
linkage-register-failed = Le registre fictif n'a pas pu être chargé (pas de connexion au serveur ?).
linkage-named = { $room ->
    [one] réponse de la salle porte maintenant un nom (sur 1)
   *[other] réponses de la salle, sur { $room }, portent maintenant un nom
}
linkage-details = « { $file } » : { $published } personnes nommées, croisées sur { $columns }. { $narrowed } autres réponses ne laissent que 2 à 5 noms possibles ; { $unmatched } ne correspondent à personne du fichier.
linkage-not-csv = Ce fichier n'est pas un tableau CSV (un classeur ou un fichier binaire ?) : enregistrez-le en CSV.
serve-already-running = Briques tourne déjà sur { $url } : ouvrez cette adresse dans le navigateur (rien n'a été relancé).
serve-desktop = L'application s'ouvre dans votre navigateur. Elle n'est visible que sur cet ordinateur : pour une session en direct, le bouton « Ouvrir Briques aux téléphones du Wi-Fi » de la vue de l'animateur donne l'adresse et le QR code que les téléphones du même Wi-Fi utilisent. Pour arrêter Briques, fermez cette fenêtre (ou Ctrl+C).
