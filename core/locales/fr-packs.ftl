# packs
## Ateliers : erreurs du format (briques pack check, import dans l'application)
pack-error-not-text = ce fichier n'est pas du texte UTF-8 : enregistrez-le en UTF-8
pack-error-syntax = erreur de syntaxe TOML ({ $detail }) : corrigez cette ligne
pack-error-missing-field = champ obligatoire absent : ajoutez-le
pack-error-wrong-type = mauvais type : { $expected } attendu
pack-type-text = un texte entre guillemets
pack-type-number = un nombre entier positif, sans guillemets
pack-type-list = une liste de textes entre crochets ["…", "…"]
pack-type-bool = true ou false
pack-type-table = une table [[…]]
pack-type-minutes = un nombre de minutes
pack-error-unknown-field = champ inconnu : vérifiez son orthographe ou supprimez-le
pack-error-empty = ne doit pas être vide : complétez-le
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
pack-error-dataset = jeu de données illisible : { $detail }
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
