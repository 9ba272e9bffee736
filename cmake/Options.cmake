# One INTERFACE target carries the language level, warnings, sanitizers and Qt
# defines into every target of the project.
add_library(yubisashi_options INTERFACE)
target_compile_definitions(yubisashi_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
)
if(WIN32)
  # The W functions of the Win32 API by default, and no min/max macros from
  # windows.h (they break std::min). scripts/check-windows.sh uses the same.
  target_compile_definitions(yubisashi_options INTERFACE UNICODE _UNICODE NOMINMAX)
endif()

if(MSVC)
  # cl.exe and clang-cl: the sources are UTF-8 (Japanese text in string
  # literals), and /W4 is the nearest to the GCC set below.
  target_compile_options(yubisashi_options INTERFACE /utf-8 /W4 /permissive- /Zc:__cplusplus)
  if(YUBISASHI_WERROR)
    target_compile_options(yubisashi_options INTERFACE /WX)
  endif()
  if(YUBISASHI_SANITIZE)
    # MSVC has AddressSanitizer but no UndefinedBehaviorSanitizer.
    target_compile_options(yubisashi_options INTERFACE /fsanitize=address)
  endif()
  if(YUBISASHI_FUZZ)
    message(FATAL_ERROR "YUBISASHI_FUZZ needs clang with libFuzzer (the fuzz preset), not MSVC")
  endif()
  return() # what follows is for GCC and Clang
endif()

target_compile_options(yubisashi_options INTERFACE
  -Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor -Woverloaded-virtual
  -Wcast-qual -Wformat=2
)
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
  target_compile_options(yubisashi_options INTERFACE -Wshadow=local)
elseif(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  # Qt's logging macros (qCInfo(cat) << ...) use the GNU empty-__VA_ARGS__ extension.
  target_compile_options(yubisashi_options INTERFACE -Wshadow-uncaptured-local -Wno-gnu-zero-variadic-macro-arguments)
endif()
if(YUBISASHI_WERROR)
  target_compile_options(yubisashi_options INTERFACE -Werror)
endif()
if(YUBISASHI_SANITIZE)
  target_compile_options(yubisashi_options INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(yubisashi_options INTERFACE -fsanitize=address,undefined)
endif()
if(YUBISASHI_FUZZ)
  target_compile_options(yubisashi_options INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(yubisashi_options INTERFACE -fsanitize=address,undefined)
endif()

# Hooks only tests may use: YUBISASHI_POLICY_FILE then replaces the
# administrator's policy file. Never in a build people install: anyone can set
# an environment variable, and the policy would be theirs to swap.
option(YUBISASHI_TEST_HOOKS "Honour test-only hooks such as YUBISASHI_POLICY_FILE (never in release builds)" OFF)
if(YUBISASHI_TEST_HOOKS)
  target_compile_definitions(yubisashi_options INTERFACE YUBISASHI_TEST_HOOKS)
elseif(YUBISASHI_TESTS)
  message(WARNING "YUBISASHI_TESTS is ON but YUBISASHI_TEST_HOOKS is OFF: the tests that point "
                  "YUBISASHI_POLICY_FILE at a policy of their own cannot run; use a test preset (asan, debug).")
endif()
