module example.com/ledger-api

go 1.22
