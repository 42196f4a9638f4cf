#include <cstdio>
int main() { std::puts("planwatch 0.1.0"); return 0; }
