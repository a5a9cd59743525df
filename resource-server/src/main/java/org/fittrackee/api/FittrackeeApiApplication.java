package org.fittrackee.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FittrackeeApiApplication {

    public static void main(String[] args) {
        SpringApplication.run(FittrackeeApiApplication.class, args);
    }
}
