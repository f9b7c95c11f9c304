import Testing
import JOSE
