# data
data-error-empty = The file is empty: it has no line. Check that you picked the right file.
data-error-no-header = The first line holds numbers or dates, not column names. Add a header line (one name per column) in your spreadsheet, then try again.
data-error-no-rows = The file has only a header line, no data.
data-error-spreadsheet = This file is a spreadsheet (xlsx, ods or xls), not a CSV: open it in your spreadsheet software and save it as CSV.
data-error-binary = This file is not text (image, PDF, archive…): choose a CSV file.
data-error-unclosed-quote = Line { $line }: an opening quote is never closed.
data-error-text-after-quote = Line { $line }: text follows a closing quote (a quote inside a cell must be doubled: "").
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
data-sentence-date = Dates ({ $distinct } different), from { $first } to { $last }.
data-sentence-text = This column holds { $distinct ->
    [one] { $distinct } single value
   *[other] { $distinct } different values
}; the most frequent are { $top }.
data-sentence-missing = { $missing ->
    [one] { $missing } missing value
   *[other] { $missing } missing values
} out of { $rows }.
