# Le répertoire des communes (core/src/communes.rs) et « briques communes ».

communes-kind-COM = commune
communes-kind-ARM = arrondissement municipal
communes-kind-COMD = commune déléguée
communes-kind-COMA = commune associée

communes-name-code = { $nom } ({ $insee })
communes-part-of = { $kind } de { $parent }
communes-in-departement = { $departement } ({ $code })
communes-population = { $n ->
    [one] { $n } habitant
   *[other] { $n } habitants
}

communes-field-insee = code INSEE
communes-field-nom = nom
communes-field-departement = département
communes-field-region = région
communes-field-code-postal = code postal
communes-field-siren = SIREN
communes-field-epci = EPCI
communes-field-population = population
communes-field-rattachement = commune de rattachement
communes-field-version = version

communes-error-line = Répertoire des communes, ligne { $line } : { $detail }. Le fichier est abîmé : rechargez la page, ou regénérez-le avec scripts/make-communes.
communes-error-too-large = Le répertoire des communes est trop gros ({ $bytes } octets, au plus { $max }) : ce n'est pas celui de Briques.
communes-error-not-directory = Ce fichier n'est pas le répertoire des communes de Briques (sa première ligne doit être « briques-communes », une tabulation et la version).
communes-error-newer = Le répertoire des communes a été écrit par une version plus récente de Briques (version { $version }) : mettez Briques à jour.
communes-error-field-count = { $found } champs au lieu de { $expected }
communes-error-too-long = un champ dépasse { $max } octets
communes-error-unknown-line = ligne de type inconnu « { $tag } »
communes-error-invalid = { $field } invalide « { $value } »
communes-error-missing = { $field } manquant
communes-error-unknown = { $field } « { $value } » inconnu du répertoire
communes-error-duplicate = { $field } « { $value } » donné deux fois
communes-error-empty = Le répertoire des communes ne contient aucune commune.

communes-cli-none = Aucune commune ne correspond à « { $query } ».
communes-cli-empty-query = écrivez un nom de commune, un code postal, un code INSEE, un SIREN ou un numéro de département (par exemple : briques communes search "saint denis 93")
communes-cli-bad-limit = --limit attend un nombre entier d'au moins 1, pas « { $value } »

communes-loading = Chargement de la liste des communes…
communes-unavailable = La liste des communes n'a pas pu être chargée (pas de connexion ?). Réessayez ; un budget enregistré sur cet appareil reste consultable.
communes-found = { $count ->
    [0] Aucune commune ne correspond.
    [one] Une commune correspond : flèche vers le bas pour la choisir.
   *[other] { $count } communes correspondent : flèches pour choisir, Entrée pour ouvrir.
}
