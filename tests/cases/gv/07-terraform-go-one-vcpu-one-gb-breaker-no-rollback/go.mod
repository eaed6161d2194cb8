module github.com/quarry-systems/payments-gateway

go 1.22
