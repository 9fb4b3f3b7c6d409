"""Staff console accounts (scrypt hashes in the municipality's file) and signed sessions."""
