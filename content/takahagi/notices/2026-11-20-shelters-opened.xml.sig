{"key_id":"9a29ab8699964d1e","signature":"omHrqztMhrN9B+SwmC/5yWF938yDvrntJrb8o+OYMYlYzGTFJsLPolCz+HE6gHrYslGqbkLIaJx/MsK+HKm6Cw=="}
