"""What every form of the assistant shares: the resident's latest message as the forms see it, when
a message interrupts a form, how a yes or no is read, and the best guesses when unsure."""
