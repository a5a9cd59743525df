package org.fittrackee.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The routes are configuration: see {@code application.yml}. */
@SpringBootApplication
public class FittrackeeGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(FittrackeeGatewayApplication.class, args);
    }
}
