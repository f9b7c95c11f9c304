// The `jose` command-line tool (commands arrive with the JOSE core).
print("jose: no commands yet")
