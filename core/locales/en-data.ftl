# data
data-error-empty = The file is empty: it has no line. Check that you picked the right file.
data-error-no-header = The first line holds numbers or dates, not column names. Add a header line (one name per column) in your spreadsheet, then try again.
data-error-no-rows = The file has only a header line, no data.
data-error-spreadsheet = This file is a spreadsheet (xlsx, ods or xls), not a CSV: open it in your spreadsheet software and save it as CSV.
data-error-binary = This file is not text (image, PDF, archive…): choose a CSV file.
data-error-unknown-column = This file has no column “{ $column }”.
data-error-bad-filter = “{ $value }” is not a possible value for the column “{ $column }”.
data-error-not-numeric = The column “{ $column }” holds no numbers: choose a column of numbers or count the rows.
data-warning-ragged = Line { $line }: { $found } cells instead of { $expected }.
data-warning-unnamed = Column { $position } has no name: it is called “colonne { $position }”.
data-warning-duplicate = Two columns are called “{ $name }”: the second one gets a number.
data-warning-more-ragged = … and { $count } more rows of a different length.
data-type-number = number
data-type-percent = percentage
data-type-date = date
data-type-datetime = date and time
data-type-text = text
data-type-empty = empty
data-sentence-empty = This column is empty.
data-sentence-number = Numbers ({ $distinct } different values), from { $min } to { $max }; mean { $mean }, median { $median }.
data-sentence-percent = Percentages ({ $distinct } different values), from { $min }% to { $max }%; mean { $mean }%, median { $median }%.
data-sentence-year = Years ({ $distinct } different), from { $min } to { $max }.
data-sentence-date = Dates ({ $distinct } different), { $form ->
    [month] from { $first } to { $last }.
   *[day] from { $first } to { $last }.
}
date-months = Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec
date = { $form ->
    [month] { $month } { $year }
   *[day] { $month } { $day }, { $year }
}
data-sentence-text = This column holds { $distinct ->
    [one] { $distinct } single value
   *[other] { $distinct } different values
}; the most frequent are { $top }.
data-sentence-missing = { $missing ->
    [one] { $missing } missing value
   *[other] { $missing } missing values
} out of { $rows }.
chart-error-bad-spec = Unreadable chart file (line { $line }): { $detail }
chart-error-not-a-spec = This JSON file is not a Briques chart (it lacks "format": "briques-chart").
chart-error-version = This chart was made by a newer Briques (version { $version }): update Briques.
chart-error-missing-x = Choose the column for the horizontal axis.
chart-error-missing-y = Choose the column of values.
chart-error-missing-colour = Choose the column for colours.
chart-error-beyond-limit = This chart file asks for too much: “{ $field }” must stay within { $limit }.
chart-error-no-data = Nothing to draw: the filters removed every row, or the values are empty.
chart-error-draw = Drawing failed: { $detail }
chart-missing-key = (empty)
chart-others = Others
chart-measure-count = Number of rows
chart-measure-sum = { $form ->
   *[other] Sum of { $column }
}
chart-measure-mean = { $form ->
   *[other] Mean of { $column }
}
chart-measure-median = { $form ->
   *[other] Median of { $column }
}
chart-lesson-truncated_axis-title = Truncated axis
chart-lesson-truncated_axis-text = The vertical axis does not start at zero: a difference of a few percent looks huge, because the bars' heights are no longer proportional to the values. A bar must always start at zero; to show small differences, choose another chart (dots, or the difference itself) and say so.
chart-lesson-uneven_intervals-title = Uneven intervals
chart-lesson-uneven_intervals-text = The dates kept are not evenly spaced (one month, then two, then three, then five…) but they are drawn at equal distances: the slope seems to speed up while it is the gap between dates that grows. Always read the labels of the time axis.
chart-lesson-cherry_picked-title = Cherry-picked period
chart-lesson-cherry_picked-text = The chart keeps only the period where the line rises most: the trend looks clear, while over the whole time the values go up and down with the seasons. Always ask: why start and end here? What happens before and after?
chart-lesson-too_many_slices-title = Too many slices in the pie
chart-lesson-too_many_slices-text = With dozens of slices, the eye can compare neither angles nor areas: small slices become unreadable and nothing stands out. Bars sorted from largest to smallest, with the smallest grouped into "Others", read at once; and when the slices are dates, a line in time order shows the change a pie hides.
chart-index = Index (first value = 100)
chart-misleading = Misleading chart
chart-misleading-title = { $title } — misleading
chart-weak-points = The effect barely shows here: the horizontal axis has only { $count ->
    [one] { $count } value
   *[other] { $count } values
}, and the trick needs at least { $needed }, in time order. Choose a column of dates or years along the horizontal axis.
chart-weak-apart = The effect barely shows here: the values go from { $min } to { $max }, the smallest far from the largest; cutting the axis would only shorten the small bars. A truncated axis misleads when values are close, as in a change from year to year.
chart-weak-slices = The effect barely shows here: there { $count ->
    [one] is only { $count } slice
   *[other] are only { $count } slices
}, a pie stays readable. The trick plays on dozens of slices: choose a column with many different values along the horizontal axis.
chart-weak-second = Choose a second measure (two axes): with a single line, there is nothing to overlay.
chart-lesson-dual_axes-title = Two vertical axes
chart-lesson-dual_axes-text = Two measures with unrelated scales share the chart, each with an axis chosen so that the lines overlap: one believes they are linked. Changing one axis would be enough to pull them apart. Honest version: each series as an index (first value = 100) on a single axis.
data-cli-bad-file = { $path }: { $detail }
data-cli-tab = tab
data-cli-summary = Encoding: { $encoding }; separator: “{ $delimiter }”; { $rows ->
    [one] { $rows } data row
   *[other] { $rows } data rows
}; { $columns ->
    [one] { $columns } column
   *[other] { $columns } columns
}
chart-cli-bad-extension = { $path }: the output file must end with .svg or .png
chart-cli-cannot-write = cannot write { $path }
chart-cli-no-font = warning: DejaVu Sans font not found (Debian package fonts-dejavu-core); the PNG will have no text
chart-cli-png-failed = the chart is too large for a PNG image
chart-cli-png-not-built = this build of Briques is the Quick start's (scripts/run), compiled without PNG output: write an .svg file, or build the full version (cargo build --release -p briques) and use target/release/briques
chart-csv-series = Series
chart-csv-value = Value
chart-csv-from = From
chart-csv-to = To
data-lead = Open an open-data CSV file: Briques tells what each column holds, then you build a chart step by step. The file stays on this device.
data-open-title = Open a file
data-pick-file = Choose a CSV file
data-drop-hint = … or drop it here. UTF-8 and Latin-1 encodings, “;”, “,”, tab or “|” separators.
data-url-label = Or open an address (online)
data-url-open = Open the address
data-url-hint = Many sites do not let another page read their files: if it fails, download the file and open it above.
data-url-offline = You are offline: download the file when you have a network, then open it from this device.
data-url-status = The remote site answered with an error ({ $status }): check the address, or download the file and open it here.
data-url-blocked = This address cannot be read: the site does not answer, or it does not let another page read its files. Download the file and open it here.
data-url-invalid = “{ $address }” is not a web address: it must start with https:// or http://.
data-reading = Reading { $name }…
data-analysing = Analysing the columns of { $name }…
data-progress-percent = { $percent }%
data-progress-steps = { $done } / { $total }
data-warnings = { $count ->
    [one] { $count } remark about the file
   *[other] { $count } remarks about the file
}
data-profile-title = What does each column hold?
data-missing = Missing values
data-distinct = Different values
data-preview-title = Rows preview
data-preview-caption = Rows { $first } to { $last } of { $rows }
data-previous-rows = Previous rows
data-next-rows = Next rows
data-go-to-row = Go to row
data-builder-title = Build a chart
data-chart-preview = Chart preview
data-chart-file = chart
data-opened = File “{ $name }” opened.
data-chart-shown = Chart “{ $title }” shown.
data-step-what = 1. What to show
data-chart-kind = Chart type
data-chart-x = Horizontal axis column (categories or time)
data-column-option = { $name } ({ $kind })
data-choose = — choose —
data-chart-y = Values
data-count-rows = Count rows
data-chart-aggregate = Calculation
data-agg-count = Number of rows
data-agg-sum = Sum
data-agg-mean = Mean
data-agg-median = Median
data-chart-colour = Colours by
data-none = — none —
data-step-order = 2. Order and grouping
data-chart-sort = Order
data-sort-key = In category order
data-sort-value_descending = Largest first
data-sort-value_ascending = Smallest first
data-chart-top = Keep the top N (the rest in “Others”)
data-step-words = 3. Title and source
data-chart-title = Title
data-chart-subtitle = Subtitle
data-chart-source = Data source
data-chart-licence = Licence
data-step-lesson = 4. Honest or misleading?
data-chart-lesson = Show side by side with a misleading version
data-lesson-none = — no —
data-chart-y2 = Second measure (two axes)
data-honest = Honest
data-misleading = Misleading
data-chart-version = { $title } ({ $version })
data-export-csv = Chart data (CSV)
data-export-spec = Chart (JSON)
data-import-spec = Open a chart (JSON)
chart-kind-bar = Bars
chart-kind-grouped_bar = Grouped bars
chart-kind-stacked_bar = Stacked bars
chart-kind-line = Line
chart-kind-pie = Pie
chart-kind-donut = Donut
chart-kind-scatter = Scatter plot
chart-kind-histogram = Histogram
chart-kind-treemap = Treemap
data-step-filter = Filter the rows
data-filter-column = Column
data-filter-op = Condition
data-filter-value = Value
data-filter-add = Add the filter
data-filter-remove = Remove
data-filter-remove-of = Remove the filter “{ $filter }”
data-filter-describe = { $column } { $op } “{ $value }”
data-filter-describe-no-value = { $column } { $op }
data-op-eq = equals
data-op-ne = differs from
data-op-gt = is greater than
data-op-ge = is greater than or equal to
data-op-lt = is less than
data-op-le = is less than or equal to
data-op-contains = contains
data-op-missing = is empty
data-op-present = is not empty

data-pack-title = Workshop “{ $pack }”
data-pack-dataset = { $title } — { $source }
data-pack-presets = The charts prepared for the workshop (the first one is open):
data-pack-missing = The workshop “{ $pack }” cannot be found on this device: open it from the Workshops page, or open a file above.

## Search open data (data.gouv.fr)
data-search-title = Search open data about your territory
data-search-hint = The national data.gouv.fr catalogue, asked from this device only when you search. CSV files open here.
data-search-words = Keywords
data-search-commune = Commune (optional)
data-search-departement = The whole département of this commune
data-search-button = Search
data-search-busy = Searching data.gouv.fr…
data-search-found = { $count ->
    [0] No dataset matches.
    [one] One dataset matches.
   *[other] { $count } datasets match ({ $shown } shown).
}
data-search-updated = updated on { $date }
data-search-open = Open “{ $title }” (CSV)
data-search-too-large = “{ $title }”: { $size } MB, too large for a browser (use “briques csv” on the command line)
data-search-not-csv = { $count ->
    [one] One other file is not a CSV table.
   *[other] { $count } other files are not CSV tables.
}

## Workshop mode: neutral titles, explanations on demand, answer key, prints
data-workshop-mode = Workshop mode: neutral titles (“Chart 1”…), explanations on demand
data-workshop-chart = Chart { $n }
data-workshop-show-note = Show the explanation
data-workshop-print = Print the charts
data-workshop-print-hint = Every prepared chart, neutral title, two per A4 page.
data-workshop-key = Answer key
data-workshop-key-title = Answer key for the facilitator
data-workshop-key-intro = Keep it to yourself: for each chart, its original title, the misleading trick and what to point out.
data-workshop-key-print = Print the answer key
data-workshop-key-number = No.
data-workshop-key-original = Original title
data-workshop-key-trick = Trick
data-workshop-key-note = Explanation
data-workshop-key-honest = none: an honest chart
data-workshop-print-title = { $pack }: the prepared charts

## Drawing by hand: blank axes
data-hand-title = Draw this chart by hand
data-hand-button = Print blank axes
data-hand-scale = Suggested scale: from 0 to { $top }, a line every { $step } ({ $steps } steps). The axis starts at zero.
data-hand-how = On the sheet, the vertical axis is already marked from zero and each category has its place at the bottom. Place each value of the table at its height (between two lines, estimate), then draw the bars or join the points. On squared paper, take one large square per step.
data-hand-values = The values to place
data-hand-none = This chart has nothing to draw: choose a column for the horizontal axis.
data-hand-sheet-title = Blank axes: { $title }

## Statistical secrecy on counts of people
data-secret-toggle = This chart counts people: apply statistical secrecy
data-secret-explain = A count of 1 to 10 people could point to someone: it is replaced by “< 11” and not drawn. When a row has only one hidden cell, a second one is hidden too (“secret”), otherwise the first could be recomputed by subtracting the other cells from the total. Exported images and CSV are masked the same way.
data-secret-summary = Counts hidden: { $primary } below 11, { $secondary } more so that they cannot be recomputed.
data-secret-not-applicable = Statistical secrecy applies here to charts by category (bars, pie…) that count rows or add up counts: not to means, medians, scatter plots or histograms.
data-secret-table = The chart's counts, after masking
data-secret-small = < { $k }
data-secret-total = Total
data-secret-hidden = secret
