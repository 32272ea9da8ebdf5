"""Use cases. Each public function is one transaction, shared by the GUI and the CLI."""
