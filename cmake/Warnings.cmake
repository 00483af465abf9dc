# trunkline_set_warnings(<target>): the warning set every Trunkline target compiles with.
# No -Wnull-dereference: at -O2 (the ci preset) GCC 12 reports it inside Qt's own headers
# (qarraydatapointer.h), so it cannot be an error here.
function(trunkline_set_warnings target)
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
        -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wconversion -Wsign-conversion
        -Wformat=2)
    if(TRUNKLINE_WERROR)
        target_compile_options(${target} PRIVATE -Werror)
    endif()
    # Qt's own headers are system headers; keep the string API honest.
    target_compile_definitions(${target} PRIVATE QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII
        QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT QT_USE_QSTRINGBUILDER)
endfunction()

# trunkline_add_library(<name> SOURCES ... [PUBLIC_LIBS ...] [PRIVATE_LIBS ...]):
# one static library per src/ folder, named trunkline_<name>, includable as "<name>/Header.h".
function(trunkline_add_library name)
    cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_LIBS;PRIVATE_LIBS" ${ARGN})
    add_library(trunkline_${name} STATIC ${ARG_SOURCES})
    add_library(Trunkline::${name} ALIAS trunkline_${name})
    target_include_directories(trunkline_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
    target_link_libraries(trunkline_${name} PUBLIC ${ARG_PUBLIC_LIBS} PRIVATE ${ARG_PRIVATE_LIBS})
    trunkline_set_warnings(trunkline_${name})
endfunction()
