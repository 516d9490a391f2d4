{"key_id":"9a29ab8699964d1e","signature":"0ugrHTIShJIeKlLAjOITE8mFwfy/RrBThKAjYH8rkoWs4Sh9aDLd2u4PQfTqhmM4vj2+/1Vf+02Guwfsb3ouDw=="}
