console.log("orders-api");
