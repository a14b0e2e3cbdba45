package org.pifpaf.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several {@link PifpafDaemon}s on one class or method (written for you by the compiler). */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(PifpafExtension.class)
public @interface PifpafDaemons {

    /** The daemons. */
    PifpafDaemon[] value();
}
