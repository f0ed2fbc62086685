# budget
# Glossary (budget explorer)
glossary-budget-primitif = Initial budget (budget primitif)
glossary-budget-primitif-def = The town's main budget for the year, usually voted by the municipal council before 15 April: it plans and authorises all the year's spending and revenue. It is a forecast, not what was actually spent.
glossary-decision-modificative = Budget amendment (décision modificative)
glossary-decision-modificative-def = A vote by the municipal council that adjusts the budget during the year, for example to add money for works that cost more than planned or to record a grant obtained in the meantime. A town often votes one to three of them a year.
glossary-compte-administratif = Administrative account (compte administratif)
glossary-compte-administratif-def = The mayor's report on the past year: it shows what was really spent and collected, compared with what the budget planned. It is voted before 30 June of the following year and must match the management account kept by the public accountant (a State official who pays and collects on the town's behalf).
glossary-compte-financier-unique = Single financial statement (CFU, compte financier unique)
glossary-compte-financier-unique-def = A single document that replaces both the mayor's administrative account and the public accountant's management account, to present the year's accounts more clearly. It applies to all local authorities starting with the 2026 accounts.
glossary-exercice = Financial year
glossary-exercice-def = The town's budget and accounting year, from 1 January to 31 December: the statement of accounts for the 2024 financial year shows what was spent and received in 2024.
glossary-section-fonctionnement = Operating section
glossary-section-fonctionnement-def = The part of the budget covering day-to-day spending and revenue that comes back every year: salaries, electricity, maintenance, school meals on one side; local taxes, State grants and service fees on the other. It is similar to a household's everyday budget.
glossary-section-investissement = Capital section
glossary-section-investissement-def = The part of the budget devoted to things that add lasting value to the town's assets: building a school, resurfacing a road, buying land, but also repaying the principal of loans. It is funded by savings, grants, the FCTVA and borrowing.
glossary-operations-reelles = Real transactions
glossary-operations-reelles-def = Spending and revenue that correspond to actual money coming into or going out of the town's accounts: paying an invoice, paying a salary, collecting a tax. These are the figures used to analyse the financial situation.
glossary-operations-ordre = Book entries (opérations d'ordre)
glossary-operations-ordre-def = Purely accounting entries with no money coming in or going out, such as depreciation or a transfer from one section to the other. They appear both as spending and as revenue, so they cancel out overall.
glossary-epargne-gestion = Operating surplus before interest
glossary-epargne-gestion-def = What is left of day-to-day revenue once day-to-day spending is paid, not counting interest on debt. It shows whether the town runs its daily business with a margin, regardless of its loans.
glossary-epargne-brute = Gross savings
glossary-epargne-brute-def = What is left of day-to-day revenue once all day-to-day spending is paid, including interest on debt; it is also called self-financing capacity (CAF). As a share of day-to-day revenue, it is generally a concern when it falls below 8 to 10 %.
glossary-epargne-nette = Net savings
glossary-epargne-nette-def = Gross savings minus the loan principal repaid during the year: the money actually available to pay for new investments. If it is negative, the town has to draw on its reserves or borrow to repay its debts, which is a warning sign.
glossary-autofinancement = Self-financing
glossary-autofinancement-def = The share of investments paid for with the town's own money, mainly its savings, without borrowing. For example, a 1 million euro sports hall funded with 300,000 euros of savings is 30 % self-financed.
glossary-capacite-desendettement = Debt payback period
glossary-capacite-desendettement-def = The number of years the town would need to repay all its debt if it devoted all its gross savings to it (debt divided by gross savings). Under 8 years is considered healthy; beyond 12 years the situation is considered worrying for a town.
glossary-encours-dette = Outstanding debt
glossary-encours-dette-def = The total amount the town still owes to banks on 31 December, not counting future interest. It is often compared with the population, for example 800 euros of debt per inhabitant.
glossary-emprunt = Loan
glossary-emprunt-def = Money lent to the town by a bank, usually repaid with interest over 15 to 30 years. The law forbids borrowing to pay day-to-day spending such as salaries: loans can only fund investments.
glossary-dgf = DGF (general operating grant)
glossary-dgf-def = The main sum paid each year by the State to towns for their running costs; it depends mostly on the number of inhabitants. For a town of 3,000 inhabitants, it is often several hundred thousand euros.
glossary-fctva = FCTVA (VAT compensation fund)
glossary-fctva-def = A refund by the State of a large part of the VAT the town paid on its investments, about 16 % of the price of the works including tax. It is paid with a delay of zero to two years depending on the case: for 100,000 euros of works, the town gets back about 16,000 euros.
glossary-taxe-fonciere = Property tax (taxe foncière)
glossary-taxe-fonciere-def = The local tax paid each year by owners of houses, flats, commercial premises or land; the municipal council sets its rate. Since the abolition of the housing tax on main residences, it is the main tax revenue the town controls.
glossary-attribution-compensation = Compensation payment (attribution de compensation)
glossary-attribution-compensation-def = A sum paid each year between the intercommunal body and each member town so that transferring taxes or responsibilities creates neither winners nor losers. It is usually paid to the town, but the town may have to pay it if it transferred more services than tax revenue.
glossary-intercommunalite = Intercommunal body
glossary-intercommunalite-def = A grouping of neighbouring towns (communauté de communes, communauté d'agglomération, métropole…) that carry out certain tasks together, such as waste, water or economic development. Almost every French town belongs to one, and it has its own budget and its own taxes.
glossary-chapitre = Chapter
glossary-chapitre-def = A group of accounts in the budget, which usually serves as the voting level: the municipal council votes an amount per chapter. For example, chapter 012 covers all staff costs and chapter 011 day-to-day spending such as energy or supplies.
glossary-compte-nature = Account by nature
glossary-compte-nature-def = The classification of spending or revenue by what it is: a salary, electricity, a tax, a grant… Each nature has a number; for example, accounts starting with 6 are operating spending and those starting with 7 are operating revenue.
glossary-fonction = Function
glossary-fonction-def = The classification of spending or revenue by what it is for: education, culture, sport, social welfare, roads… It shows how much the town devotes to each public policy; it is mandatory for towns of 3,500 inhabitants or more.
glossary-nomenclature = Accounting framework (M14, M57)
glossary-nomenclature-def = The accounting classification plan towns must follow so that budgets are presented the same way everywhere. The old M14 framework was replaced by M57, mandatory for all towns since 1 January 2024; this is why some account numbers change from one year to the next.
glossary-restes-a-realiser = Carry-overs (restes à réaliser)
glossary-restes-a-realiser-def = Spending committed but not yet paid, and revenue that is certain but not yet collected, on 31 December. For example, works ordered in November and invoiced in February are carried over to the next year's budget.
glossary-resultat-reporte = Carried-forward result
glossary-resultat-reporte-def = The surplus (or deficit) of the previous year, brought into the new year's budget. A carried-forward surplus is a reserve the town can use; a deficit must be made up.
glossary-virement-section = Transfer to the capital section
glossary-virement-section-def = The amount the town plans to move from its operating section to its capital section, to fund its projects with its savings. It is a planning entry that appears in the budget but not in the year-end accounts, where the allocation of the result plays this role.
glossary-amortissement = Depreciation
glossary-amortissement-def = An entry that records each year the wear of an asset and sets aside what is needed to replace it: a 30,000 euro vehicle depreciated over 5 years counts for 6,000 euros a year. No money leaves the accounts; it is mandatory for towns of 3,500 inhabitants or more, for most assets.
glossary-subvention = Grant
glossary-subvention-def = Financial aid that does not have to be repaid. The town receives grants (from the State, the region or the département, for example to renovate a school) and gives them (to sports or cultural associations, or to the municipal social welfare centre).
glossary-charges-personnel = Staff costs
glossary-charges-personnel-def = The salaries and social contributions of the town's employees (administration, schools, maintenance, municipal police…), grouped in chapter 012. It is often the largest operating expense, around half of the total.
glossary-depenses-equipement = Capital spending
glossary-depenses-equipement-def = Purchases and works that create or improve a lasting asset of the town: building a media library, renovating a school, resurfacing a road, buying a vehicle. It is the core of investment, excluding debt repayment.
glossary-strate = Size band (strate)
glossary-strate-def = A group of towns of similar size (for example 2,000 to 3,500 inhabitants), used to compare a town's figures with the average of similar towns. Averages by size band are published every year by the State.

# Budget explorer
budget-lead = Where does the town's money come from, where does it go, and what does it mean? Everything is computed on this device: files never leave your browser.
budget-choose = Choose a town
budget-commune-label = Your commune (name, postal code or INSEE code)
budget-commune-hint = Every commune of France: its accounts come from the public data of the OFGL and the DGFiP. Only the request for this commune leaves this device, where it stays saved for a workshop without internet.
budget-saved-title = Communes saved on this device
budget-saved-on = saved on { $date }
budget-saved-remove = Remove
budget-saved-remove-label = Remove { $name } from this device
budget-origin-apis = Accounts published by the OFGL (data.ofgl.fr) and the DGFiP (data.economie.gouv.fr), saved on this device: they can be viewed without internet.
budget-origin-device = Copy saved on this device on { $date }.
budget-origin-refresh = Update from the public data
budget-origin-consolidated = Indicators and comparison: consolidated accounts published by the OFGL (main and annex budgets). Account detail: the DGFiP balance of the main budget.
budget-demo = Demo town: Briqueville
budget-file = Import a budget file
budget-file-hint = Formats read: TOTEM budget documents and comptes financiers uniques (XML), OFGL exports, SCDL budgets and DGFiP balances (CSV). The file stays on this device.
budget-reading = Reading “{ $file }” ({ $size } KB)…
budget-analysing = Analysing “{ $file }”…
budget-imported = “{ $file }” imported: { $name }, { $count ->
    [one] one year.
   *[other] { $count } years.
}
budget-left-out = { $count ->
    [one] One other budget in the file (annex budget or other body) is not shown.
   *[other] { $count } other budgets in the file (annex budgets or other bodies) are not shown.
}
budget-import-failed = “{ $file }” could not be imported: { $message }. The budget shown is unchanged.
budget-loading = Loading the budget…
budget-load-failed = The budget could not be loaded. { $message }
budget-no-lines = This file only gives aggregates, without the detail of the lines: the detail and “If I were mayor” need a budget document, an SCDL file or a balance.
budget-nomenclature = Accounting nomenclature { $name }.
budget-what-is-it = What is it?
budget-inhabitants = { $count ->
    [one] { $count } inhabitant
   *[other] { $count } inhabitants
}
budget-year = Year
budget-population = Population (inhabitants), for amounts per inhabitant
budget-warnings = { $count ->
    [one] One remark about the file
   *[other] { $count } remarks about the file
}
budget-tabs = Activity
budget-tab-explorer = Explore the budget
budget-tab-maire = If I were mayor
budget-indicators = Key indicators
budget-compare = About { $share } % of towns of { $strate } have a higher amount per inhabitant (median { $median }, half of the towns between { $q1 } and { $q3 }).
budget-compare-none = No comparison possible: the town's population or its band's statistics are missing.
budget-where-goes = Where does the money go?
budget-where-comes = Where does the money come from?
budget-view-options = Display options
budget-side = Direction
budget-side-depenses = Spending
budget-side-recettes = Revenue
budget-axis = Group
budget-axis-nature = By nature (chapters)
budget-axis-fonction = By policy area (functions)
budget-per-head = Per inhabitant
budget-breadcrumb = Budget breadcrumb
budget-fonction-none = Function not given
budget-treemap-title = Breakdown: { $name }
budget-treemap-label = Breakdown of “{ $name }”: each rectangle is proportional to the amount; the table below gives the same figures.
budget-label-parent = { $label } (label of account { $parent }: this account is not in the chart of accounts)
budget-treemap-others = { $count ->
    [one] One other part
   *[other] { $count } other parts
}
budget-treemap-all = Back to all the parts
budget-last-level = Last level: the budget lines for this account.
budget-col-part = Item
budget-col-amount = Amount realised
budget-col-share = Share
budget-col-compte = Account
budget-col-label = Label
budget-col-chapitre = Chapter
budget-col-fonction = Function
budget-col-prevu = Amount planned
budget-parts-of = Breakdown of “{ $name }”
budget-lines-of = Budget lines: { $name }
budget-export-csv = Export the table (CSV)
budget-hundred = What 100 € of spending pays for
budget-hundred-chart = Out of 100 € spent
budget-hundred-item = { $category }: { $amount } €
budget-evolution = Change over the years available
budget-evolution-label = Real operating revenue and spending and gross savings, by year
budget-m57-change = Switch to M57
budget-m57-note = The town moved from the M14 to the M57 nomenclature: totals compare, but some accounts and functions changed scope.
budget-glossary-title = Glossary
budget-glossary-intro = The words of public accounting, explained simply. Every underlined term on the page leads here.
budget-glossary-link = See in the glossary

# If I were mayor
mayor-title = If I were mayor
mayor-rules-title = The rules to follow
mayor-reset = Back to the actual budget
mayor-outcome = Outcome of your choices
mayor-balanced = The budget follows every rule.
mayor-group = Group name
mayor-save = Save the group's proposal
mayor-group-missing = Name the group before saving.
mayor-group-saved = Proposal of group “{ $group }” saved on this device.
mayor-group-not-saved = The proposal of group “{ $group }” is shown but could not be saved: { $reason }
mayor-compare = Compare the groups
mayor-compare-empty = No proposal saved for this town and year.
mayor-actual = Actual budget
mayor-line = Item
mayor-rules = Rules
mayor-rules-ok = followed
mayor-rules-broken = { $count ->
    [one] one rule broken
   *[other] { $count } rules broken
}
mayor-clear = Delete this town's proposals
mayor-clear-confirm = Delete every proposal saved for this town and year?

# National budgets served by briques serve --budgets
serve-budgets = National budgets: { $count } towns ({ $path })
serve-budgets-failed = cannot read the national budgets in { $path } (expected: the folder written by “briques budget prepare”)
budget-api-unknown = no data for “{ $code }” in the national budgets
budget-api-bad-code = invalid INSEE code: expected five characters (digits, or 2A/2B for Corsica)

budget-collectivite = Body in the file
budget-too-big = “{ $file }” weighs { $size } MB: it is a national or regional file, too big for the browser. Prepare it with “briques budget prepare”, then start “briques serve --budgets” to search every town.
budget-progress = Import in progress

## Population strates (DGFiP/OFGL bands)
budget-strate-1 = fewer than 250 inhabitants
budget-strate-2 = 250 to 499 inhabitants
budget-strate-3 = 500 to 1,999 inhabitants
budget-strate-4 = 2,000 to 3,499 inhabitants
budget-strate-5 = 3,500 to 4,999 inhabitants
budget-strate-6 = 5,000 to 9,999 inhabitants
budget-strate-7 = 10,000 to 19,999 inhabitants
budget-strate-8 = 20,000 to 49,999 inhabitants
budget-strate-9 = 50,000 to 99,999 inhabitants
budget-strate-10 = 100,000 inhabitants or more

## Prepared national folders (briques budget prepare)
budget-prepared-json = { $file } cannot be read: { $detail }
budget-prepared-not-prepared = { $file } was not prepared by this version of Briques: run “briques budget prepare” on the national file again
budget-prepared-newer = { $file } was prepared by a newer version of Briques (version { $version }): update Briques
budget-prepare-io = cannot read or write: { $detail }
budget-prepare-polars = the national file could not be read: { $detail }
budget-populations-unreadable = unreadable populations file: { $detail }
budget-populations-no-code = no COM column (the commune's INSEE code)
budget-other-nomenclature = Nomenclature { $nomenclature }: this budget is not a commune's (service, syndicate, département…). Its totals by section are right, but Briques knows labels and citizen categories only for the communes' nomenclatures (M14, M57).

## Budgets from the official open-data APIs (core/src/budget/opendata.rs)
opendata-source-ofgl = OFGL (data.ofgl.fr)
opendata-source-dgfip = the DGFiP (data.economie.gouv.fr)
opendata-source-datagouv = data.gouv.fr
opendata-unreachable = Cannot reach { $source }: no internet connection, or the address does not answer. What is shown stays; the communes saved on this device can still be viewed.
opendata-timeout = { $source } does not answer in time. Try again in a moment; what is shown stays.
opendata-rate-limited = { $source } refuses for now: the number of allowed requests is reached (it resets every night). Try again later or use a saved commune.
opendata-not-published = The { $year } accounts are not published by { $source } yet.
opendata-no-data = { $source } has no data for this commune.
opendata-status = { $source } answered with an error (HTTP { $status }). { $detail }
opendata-unexpected = The answer of { $source } is not what its documentation describes ({ $detail }). Try again later.
fetch-bad-years = unreadable years “{ $value }”: write a year (2023) or a range (2019-2023)
fetch-commune = { $nom } ({ $insee }): downloading the accounts…
fetch-https-not-built = this build of Briques is the Quick start's (scripts/run), compiled without HTTPS: build the full version (cargo build --release -p briques) and use target/release/briques budget fetch …
fetch-no-balance = no DGFiP balance for { $year }: OFGL's indicators only for that year
fetch-done = { $nom }: years { $years } saved in { $out } (serve them with “briques serve --budgets { $out }”)
budget-open-failed = This commune could not be loaded; the budget shown stays. { $message }
budget-aggregates-title = The { $count } agrégats published by the OFGL ({ $year })
budget-aggregates-show = Show the table
budget-aggregates-name = Agrégat
budget-aggregates-principal = Main budget
budget-aggregates-consolidated = With the annex budgets
budget-aggregates-per-inhabitant = Per inhabitant (with the annex budgets)
budget-aggregates-source = Source: OFGL, consolidated accounts of the communes (data.ofgl.fr, Licence Ouverte 2.0). “With the annex budgets”: main and annex budgets, without the flows between them.

## "If I were mayor": the 100-token game (paper, Budget page, live)
game-poste-ecole = School and after-school care
game-poste-ecole-detail = staff, canteen, childcare, school buildings; not the teachers, paid by the State
game-poste-administration = General administration
game-poste-administration-detail = reception, civil registry, elections, insurance, town buildings
game-poste-voirie = Roads and planning
game-poste-voirie-detail = roads, lighting, town planning, transport
game-poste-sport = Sport and youth
game-poste-sport-detail = stadium, gym, holiday club
game-poste-culture = Culture, festivities and associations
game-poste-culture-detail = library, town festival, grants to associations
game-poste-social = Social action and the elderly
game-poste-social-detail = social welfare office, early childhood, meals on wheels
game-poste-securite = Security
game-poste-securite-detail = municipal police, contribution to the fire service (SDIS)
game-poste-environnement = Environment and local economy
game-poste-environnement-detail = cleanliness, waste, natural areas, shops
game-poste-non-reparti = Not assigned
game-poste-non-reparti-detail = the commune's file does not say what this spending is for
game-poste-interets = Interest on debt
game-poste-interets-detail = compulsory
game-poste-autofinancement = Self-financing
game-poste-autofinancement-detail = put aside to repay the loans' capital and invest
game-rule-equilibre = Balance (the law): as many tokens laid as tokens available, { $tokens } plus those of a tax rise, minus those an unforeseen card takes away. Not one more, not one less.
game-rule-interets = Interest on debt is a compulsory expense (the law): { $tokens } tokens, untouched.
game-rule-autofinancement = Self-financing stays at { $min } tokens or more (the law): enough to repay this year's loan capital, { $amount }.
game-rule-baisse = No spending line loses more than { $max } tokens in a year (game rule: half the spending is the pay of staff in post).
game-rule-impot = To spend more, take elsewhere or raise local taxes: at most { $max } tokens (game rule: a tenth of what they bring), to be justified to the room.
game-rule-impot-per = To spend more, take elsewhere or raise local taxes: at most { $max } tokens (game rule: a tenth of what they bring); each tax token costs about { $per } per inhabitant and per year, to be justified to the room.
game-rule-imprevu = An unforeseen card, once drawn, applies to every group: the line it names gets the tokens it asks for, or the commune loses the revenue it announces.
game-rule-priorite = Each group chooses one priority and defends it in one sentence.
game-card-energie = Cold winter and dear energy
game-card-energie-text = heating the buildings costs 3 tokens more: general administration gets 3 more tokens. Where do you take them from?
game-card-dotation = The State cuts its grant
game-card-dotation-text = 2 tokens of revenue less: only 98 tokens to lay (plus any tax rise). Cut spending or raise taxes?
game-card-classe = A new class opens in September
game-card-classe-text = the school gets 2 more tokens (a staff member, equipment).
game-card-none = No card drawn
game-sheet-intro = { $commune }, year { $year }: operating revenue of { $amount } = **100 tokens** (1 token ≈ { $token }). Figures rounded for the game.
game-sheet-intro-per = { $commune }, year { $year }: operating revenue of { $amount } = **100 tokens** (1 token ≈ { $token }, that is { $per } per inhabitant). Figures rounded for the game.
game-sheet-poste = Line (what it covers)
game-sheet-reel = Actual { $year }
game-sheet-choix = Our choice
game-sheet-total = Total
game-sheet-total-choix = 100 + tax − unforeseen
game-sheet-impot = Tax rise decided: …… tokens ({ $max } at most).
game-sheet-imprevu = Unforeseen card drawn: …………………… Tokens to add or revenue lost: ……
game-sheet-priorite = Our priority, in one sentence: …………………………………………
game-problem-equilibre-over = { $count } tokens too many: the budget is not balanced.
game-problem-equilibre-under = { $count } tokens are not laid: the budget is not balanced (put them aside as self-financing, for instance).
game-problem-interets = Interest on debt stays at { $tokens } tokens.
game-problem-autofinancement = Self-financing falls below { $min } tokens: the loans' capital would no longer be repaid.
game-problem-baisse = { $poste } loses { $tokens } tokens: more than { $max } in a year.
game-problem-impot = The tax rise is above { $max } tokens.
game-problem-imprevu = The unforeseen card is not absorbed: { $poste } lacks { $tokens } tokens.
game-intro = You are the town council of { $commune } for { $year }. The 100 tokens are its operating revenue (1 token ≈ { $token }), laid as in the actual budget: move them while keeping the rules.
game-intro-per = You are the town council of { $commune } for { $year }. The 100 tokens are its operating revenue (1 token ≈ { $token }, that is { $per } per inhabitant), laid as in the actual budget: move them while keeping the rules.
game-table-caption = Tokens by line: the actual budget and your choice
game-less = One token less: { $poste }
game-more = One token more: { $poste }
game-tax = Tax rise (tokens)
game-tax-help = { $max } tokens at most.
game-card = Unforeseen card
game-cards-title = Unforeseen cards
game-laid = { $laid } tokens laid out of { $available } available.
game-sheet-title = The game sheet of { $commune }, to print
game-print = Print the game sheet
