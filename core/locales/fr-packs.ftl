# packs
## Ateliers : erreurs du format (briques pack check, import dans l'application)
pack-error-not-text = ce fichier n'est pas du texte UTF-8 : enregistrez-le en UTF-8
pack-error-syntax = erreur de syntaxe TOML ({ $detail }) : corrigez cette ligne
pack-error-missing-field = champ obligatoire absent : ajoutez-le
pack-error-wrong-type = mauvais type : écrivez { $expected }
pack-type-text = un texte entre guillemets
pack-type-number = un nombre entier positif, sans guillemets
pack-type-list = une liste de textes entre crochets ["…", "…"]
pack-type-bool = true ou false
pack-type-table = une table [[…]]
pack-type-minutes = un nombre de minutes
pack-error-unknown-field = champ inconnu : vérifiez son orthographe ou supprimez-le
pack-error-empty = ne doit pas être vide : complétez-le
pack-error-too-long = est trop long : { $max } caractères au plus
pack-error-out-of-range = doit être compris entre { $min } et { $max }
pack-error-group-size = participants_min est plus grand que participants_max : inversez-les
pack-error-unknown-licence = licence inconnue « { $value } » : utilisez un identifiant SPDX parmi { $allowed } (Etalab-2.0 par défaut)
pack-error-unknown-activity = activité inconnue « { $value } » : types possibles : { $allowed }
pack-error-unknown-value = valeur inconnue « { $value } » : valeurs possibles : { $allowed }
pack-error-bad-slug = identifiant « { $value } » invalide : lettres minuscules sans accent, chiffres et tirets uniquement
pack-error-duplicate-slug = l'identifiant « { $slug } » est déjà celui du pack { $other } : renommez l'un des deux
pack-error-front-matter-missing = la fiche doit commencer par un en-tête entre deux lignes « --- » (type: …, titre: …)
pack-error-front-matter-unclosed = l'en-tête de la fiche n'est pas fermé : ajoutez une ligne « --- » après ses champs
pack-error-front-matter-line = ligne d'en-tête illisible « { $text } » : écrivez « clé: valeur »
pack-error-missing-sheet = aucune fiche de type « { $kind } » : ajoutez-en une dans fiches/
pack-error-no-steps = aucune étape minutée : écrivez chaque étape comme un titre « ## Accueil (10 min) »
pack-error-steps-duration = les étapes durent { $total } min au total mais la fiche annonce { $declared } min : corrigez l'un ou l'autre
pack-error-missing-file = fichier « { $path } » introuvable dans le pack : ajoutez-le ou corrigez le chemin
pack-error-survey = questionnaire Duplo invalide : { $detail }
pack-error-no-columns = jeu de données illisible : aucune ligne d'en-tête avec des noms de colonnes
pack-error-bad-commune = commune « { $value } » inconnue : écrivez demo ou un code INSEE de 5 caractères
pack-error-period = { $detail }
pack-error-period-format = période illisible : écrivez deux années « 2012-2019 » ou une liste « 2012,2016,2020 »
pack-error-period-year = année { $year } improbable : les années vont de { $min } à { $max }
pack-error-period-order = les années de la période doivent aller en croissant : « 2012-2019 », « 2012,2016,2020 »
pack-error-period-long = la période couvre { $years } ans : { $max } ans au plus, resserrez-la
pack-error-unknown-column = colonne « { $column } » absente du jeu de données (colonnes : { $available })
pack-error-no-manifest = aucun fichier pack.toml ici : un pack est un dossier qui contient pack.toml et fiches/
pack-error-bundle-json = ce fichier .briques n'est pas du JSON valide (ligne { $line }) : { $detail }
pack-error-not-bundle = ce fichier n'est pas un pack Briques (champ « format » attendu : « briques-pack »)
pack-error-newer-bundle = ce pack a été enregistré par une version plus récente de Briques (version { $version }) : mettez Briques à jour

## Ateliers : ligne de commande
cli-pack-cannot-write = impossible d'écrire { $path }
cli-pack-built = { $path } écrit ({ $bytes } octets, { $sheets } fiches)
cli-pack-problems = { $count ->
    [one] { $count } problème à corriger
   *[other] { $count } problèmes à corriger
}
cli-pack-valid = pack valide : { $title } ({ $sheets } fiches)
cli-pack-one-expected = un seul pack attendu ici : donnez le dossier d'un pack ou un fichier .briques
cli-pack-too-big = { $path } est trop gros pour un pack (20 Mo au plus par fichier)

## Ateliers : page de l'application
ateliers-intro = Des ateliers prêts à animer : fiches minutées, matériel, questions de bilan et fiche à distribuer. Ouvrez-en un, lancez son activité déjà réglée, imprimez ses fiches, adaptez-le et partagez-le en un seul fichier.
ateliers-loading = Chargement des ateliers…
ateliers-load-failed = Les ateliers fournis avec Briques n'ont pas pu être chargés ({ $error }). Les ateliers importés sur cet appareil restent disponibles.
ateliers-library-title = Bibliothèque d'ateliers
ateliers-filter-audience = Public
ateliers-filter-duration = Durée
ateliers-filter-all = Tous
ateliers-filter-at-most = { $duration } ou moins
ateliers-shown = { $count ->
    [0] Aucun atelier ne correspond aux filtres.
    [one] { $count } atelier affiché.
   *[other] { $count } ateliers affichés.
}
ateliers-none = Aucun atelier ne correspond à ces filtres : élargissez le public ou la durée.
ateliers-origin-imported = Importé sur cet appareil
ateliers-origin-modified = Modifié sur cet appareil
ateliers-duration = Durée
ateliers-group = Participants
ateliers-group-range = de { $min } à { $max }
ateliers-audience = Public
ateliers-facilitators = Animateurs
ateliers-preparation = Préparation
ateliers-level = Niveau
ateliers-licence = Licence
ateliers-authors = Auteurs
ateliers-version = Version
ateliers-about = L'atelier en bref
ateliers-objectives = Objectifs
ateliers-materials = Matériel
ateliers-timeline = Déroulé minuté
ateliers-step-time = { $start } – { $end }
ateliers-total = Durée totale : { $duration }
ateliers-sheets = Fiches
ateliers-sheets-nav = Fiches de l'atelier
ateliers-back = ← Tous les ateliers
ateliers-unknown-pack = Aucun atelier ne porte l'identifiant « { $slug } » sur cet appareil.
ateliers-launch = Lancer l'atelier
ateliers-launch-named = Lancer l'atelier : { $activity }
ateliers-activity-duplo = Duplo
ateliers-activity-budget = explorer le budget
ateliers-activity-si-j-etais-maire = Si j'étais maire
ateliers-activity-donnees = graphiques
ateliers-activity-debat-mouvant = débat mouvant
ateliers-confirm-duplo = Une session Duplo avec des réponses est ouverte. La remplacer par le questionnaire de cet atelier ? (Exportez-la d'abord depuis la page Duplo si vous voulez la garder.)
ateliers-print-sheets = Imprimer les fiches
ateliers-print-handout = Imprimer la fiche participant
ateliers-export = Exporter (.briques)
ateliers-export-failed = L'export a échoué : le navigateur a refusé le téléchargement.
ateliers-edit = Modifier
ateliers-remove = Supprimer de cet appareil
ateliers-restore = Revenir à la version d'origine
ateliers-confirm-remove = Supprimer la version de cet atelier enregistrée sur cet appareil ?
ateliers-language-fr = français
ateliers-language-en = anglais
ateliers-written-in = Contenu en { $language } : les fiches n’existent que dans cette langue.
ateliers-minutes = { $minutes } min
ateliers-hours = { $hours } h
ateliers-hours-minutes = { $hours } h { $minutes }
ateliers-edit-title = Modifier « { $title } »
ateliers-edit-intro = Vos modifications sont vérifiées puis enregistrées sur cet appareil ; exportez ensuite l'atelier pour le partager. Les fiches s'écrivent en Markdown : # titre, - liste, **gras**, *italique*, [lien](https://…), et chaque étape d'une fiche méthode comme « ## Accueil (10 min) ».
ateliers-problems = { $count ->
    [one] { $count } problème à corriger :
   *[other] { $count } problèmes à corriger :
}
ateliers-field-title = Titre
ateliers-field-summary = Résumé
ateliers-field-duration = Durée (minutes)
ateliers-field-group-min = Participants au moins
ateliers-field-group-max = Participants au plus
ateliers-field-facilitators = Animateurs
ateliers-field-preparation = Préparation (minutes)
ateliers-field-authors = Auteurs (un par ligne)
ateliers-field-objectives = Objectifs (un par ligne)
ateliers-field-materials = Matériel (un par ligne)
ateliers-field-kind = Type de fiche
ateliers-field-body = Contenu (Markdown)
ateliers-sheet-n = Fiche { $n }
ateliers-new-sheet = Nouvelle fiche
ateliers-add-sheet = Ajouter une fiche
ateliers-remove-sheet = Supprimer cette fiche
ateliers-save = Enregistrer
ateliers-cancel = Annuler
ateliers-import-title = Importer un atelier
ateliers-import = Fichier d'atelier (.briques)
ateliers-import-hint = Le fichier est lu sur cet appareil, rien n'est envoyé. Un atelier qui porte le même identifiant qu'un atelier existant n'est jamais remplacé sans votre accord.
ateliers-imported = Atelier « { $title } » importé.
ateliers-import-identical = L'atelier « { $title } » est déjà là, identique : rien à faire.
ateliers-import-cancelled = Import annulé : rien n'a changé.
ateliers-read-failed = Le fichier n'a pas pu être lu : réessayez, ou vérifiez qu'il n'est pas ouvert ailleurs.
ateliers-conflict = « { $title } » porte le même identifiant que l'atelier « { $existing } » déjà présent. Que faire ?
ateliers-conflict-replace = Remplacer l'atelier existant
ateliers-conflict-keep-both = Garder les deux
pack-kind-contexte = Contexte
pack-kind-methode = Méthode
pack-kind-outil = Outil
pack-kind-bilan = Bilan
pack-kind-exemple = Exemple
pack-kind-distanciel = À distance
pack-kind-participant = Fiche participant
pack-level-debutant = Débutant
pack-level-intermediaire = Intermédiaire
pack-level-avance = Avancé
pack-audience-grand-public = Grand public
pack-audience-adultes = Adultes
pack-audience-seniors = Seniors
pack-audience-jeunes = Jeunes (15-25 ans)
pack-audience-lyceens = Lycéens
pack-audience-collegiens = Collégiens
pack-audience-elus = Élus
pack-audience-agents-publics = Agents publics
pack-audience-mediateurs = Médiateurs et formateurs
pack-error-unknown-button = la fiche nomme un bouton « { $label } » que Briques n'a pas : reprenez le libellé exact affiché par l'application
